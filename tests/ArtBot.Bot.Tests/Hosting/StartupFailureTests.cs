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
        await RefusesToStartInOneLineSaying("ConnectionStrings:ArtBot is not set", "--Database:Provider", "PostgreSQL");
    }

    [Fact]
    public async Task Says_in_one_line_that_the_clinics_time_zone_is_unknown()
    {
        await RefusesToStartInOneLineSaying("Staff:TimeZone 'Mars/Olympus_Mons'", "--Staff:TimeZone", "Mars/Olympus_Mons");
    }

    [Fact]
    public async Task Says_in_one_line_which_days_opening_hours_cannot_be_read()
    {
        await RefusesToStartInOneLineSaying("Clinic:OpeningHours:Monday is '8am to 7pm'; write the hours as 08:00-19:00", "--Clinic:OpeningHours:Monday", "8am to 7pm");
    }

    [Fact]
    public async Task Says_in_one_line_that_the_clinics_email_needs_a_mail_server()
    {
        await RefusesToStartInOneLineSaying("Staff:Email is set, but Email:Host is empty", "--Staff:Email", "front-desk@clinic.example");
    }

    [Fact]
    public async Task Says_in_one_line_which_setting_is_invalid()
    {
        await RefusesToStartInOneLineSaying("AnswerThreshold", "--Answering:AnswerThreshold", "7");
    }

    [Fact]
    public async Task A_live_deployment_without_the_clinics_phone_number_refuses_to_start_naming_the_setting()
    {
        await RefusesToStartInOneLineSaying("Set Clinic:PhoneNumber", "--MicrosoftAppType", "SingleTenant", "--MicrosoftAppId", "00000000-0000-0000-0000-000000000001",
            "--MicrosoftAppPassword", "secret", "--MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000002");
    }

    [Fact]
    public async Task An_app_id_without_its_app_type_refuses_to_start_naming_the_setting()
    {
        await RefusesToStartInOneLineSaying("MicrosoftAppType is empty", "--MicrosoftAppId", "00000000-0000-0000-0000-000000000001", "--MicrosoftAppPassword", "secret",
            "--MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000002", "--Clinic:PhoneNumber", "+1 416-555-0100");
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
        await RefusesToStartInOneLineSaying("Widget:AvatarUrl must be a path on the bot's own site", "--Widget:AvatarUrl", avatarUrl);
    }

    [Fact]
    public async Task Says_in_one_line_that_a_trusted_proxy_setting_is_not_a_network()
    {
        await RefusesToStartInOneLineSaying("Proxies:TrustedNetworks", "--Proxies:TrustedNetworks:0", "caddy");
    }

    private async Task RefusesToStartInOneLineSaying(string expected, params string[] arguments)
    {
        var (exitCode, output) = await RunBotAsync(arguments);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, Assert.Single(output));
    }

    private Task<(int ExitCode, List<string> Output)> RunBotAsync(params string[] arguments) =>
        BotCommandLine.RunAsync(["--Database:SqlitePath", Path.Combine(_folder, "artbot.db"), .. arguments]);
}
