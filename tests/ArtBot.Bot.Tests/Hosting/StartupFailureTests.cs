namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The real program, started as a process with something missing: one clear line and a failing exit code.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Says_in_one_line_that_the_knowledge_base_is_missing()
    {
        var (exitCode, output) = await RunBotAsync("--Knowledge:DataDirectory", _folder);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output);
        Assert.StartsWith("ArtBot cannot start: ", line);
        Assert.Contains("knowledge-base.json", line);
    }

    [Fact]
    public async Task Says_in_one_line_that_PostgreSQL_needs_its_connection_string()
    {
        var (exitCode, output) = await RunBotAsync("--Database:Provider", "PostgreSQL");

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:ArtBot is not set", Assert.Single(output));
    }

    [Fact]
    public async Task Says_in_one_line_that_the_clinics_time_zone_is_unknown()
    {
        var (exitCode, output) = await RunBotAsync("--Staff:TimeZone", "Mars/Olympus_Mons");

        Assert.Equal(1, exitCode);
        Assert.Contains("Staff:TimeZone 'Mars/Olympus_Mons'", Assert.Single(output));
    }

    [Fact]
    public async Task Says_in_one_line_which_days_opening_hours_cannot_be_read()
    {
        var (exitCode, output) = await RunBotAsync("--Clinic:OpeningHours:Monday", "8am to 7pm");

        Assert.Equal(1, exitCode);
        Assert.Contains("Clinic:OpeningHours:Monday is '8am to 7pm'; write the hours as 08:00-19:00", Assert.Single(output));
    }

    [Fact]
    public async Task Says_in_one_line_that_the_clinics_email_needs_a_mail_server()
    {
        var (exitCode, output) = await RunBotAsync("--Staff:Email", "front-desk@clinic.example");

        Assert.Equal(1, exitCode);
        Assert.Contains("Staff:Email is set, but Email:Host is empty", Assert.Single(output));
    }

    [Fact]
    public async Task Says_in_one_line_which_setting_is_invalid()
    {
        var (exitCode, output) = await RunBotAsync("--Answering:AnswerThreshold", "7");

        Assert.Equal(1, exitCode);
        Assert.Contains("AnswerThreshold", Assert.Single(output));
    }

    [Fact]
    public async Task A_live_deployment_without_the_clinics_phone_number_refuses_to_start_naming_the_setting()
    {
        var (exitCode, output) = await RunBotAsync("--MicrosoftAppType", "SingleTenant", "--MicrosoftAppId", "00000000-0000-0000-0000-000000000001",
            "--MicrosoftAppPassword", "secret", "--MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000002");

        Assert.Equal(1, exitCode);
        Assert.Contains("Set Clinic:PhoneNumber", Assert.Single(output));
    }

    [Fact]
    public async Task An_app_id_without_its_app_type_refuses_to_start_naming_the_setting()
    {
        var (exitCode, output) = await RunBotAsync("--MicrosoftAppId", "00000000-0000-0000-0000-000000000001", "--MicrosoftAppPassword", "secret",
            "--MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000002", "--Clinic:PhoneNumber", "+1 416-555-0100");

        Assert.Equal(1, exitCode);
        Assert.Contains("MicrosoftAppType is empty", Assert.Single(output));
    }

    [Fact]
    public async Task Every_setting_that_stops_a_start_is_named_on_the_one_line()
    {
        var (exitCode, output) = await RunBotAsync("--MicrosoftAppId", "00000000-0000-0000-0000-000000000001", "--MicrosoftAppPassword", "secret");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output);
        Assert.Contains("MicrosoftAppType is empty", line);
        Assert.Contains("Set Clinic:PhoneNumber", line);
    }

    [Theory]
    [InlineData("https://cdn.example/logo.png")]
    [InlineData("//cdn.example/logo.png")]
    [InlineData("logo.png")]
    public async Task Says_in_one_line_that_the_avatar_picture_must_come_from_the_bots_own_site(string avatarUrl)
    {
        var (exitCode, output) = await RunBotAsync("--Widget:AvatarUrl", avatarUrl);

        Assert.Equal(1, exitCode);
        Assert.Contains("Widget:AvatarUrl must be a path on the bot's own site", Assert.Single(output));
    }

    [Fact]
    public async Task Says_in_one_line_that_a_trusted_proxy_setting_is_not_a_network()
    {
        var (exitCode, output) = await RunBotAsync("--Proxies:TrustedNetworks:0", "caddy");

        Assert.Equal(1, exitCode);
        Assert.Contains("Proxies:TrustedNetworks", Assert.Single(output));
    }

    private Task<(int ExitCode, List<string> Output)> RunBotAsync(params string[] arguments) =>
        BotCommandLine.RunAsync(["--Database:SqlitePath", Path.Combine(_folder, "artbot.db"), .. arguments]);
}
