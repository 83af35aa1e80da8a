using ArtBot.Bot.Consult;
using ArtBot.Bot.Hosting;
using ArtBot.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>
/// Production's split on PostgreSQL: <c>migrate</c> runs as the administrator and grants the serving bot's role its
/// rows; the bot, connected as that role, books and seals tokens, and cannot change the schema.
/// </summary>
public sealed class BotRoleTests
{
    private const string Password = "a-long-test-password-for-the-bot";

    [Fact]
    public async Task The_bot_connected_as_its_role_stores_requests_and_keys_but_cannot_drop_or_create_a_table()
    {
        var folder = Directory.CreateTempSubdirectory("artbot-role-").FullName;
        var administrator = TestDatabase.SettingsFor(DatabaseProvider.PostgreSQL, folder);
        var role = "artbot_bot_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Assert.True(await MigrateAsync(administrator, role));
            // A later release migrates again: the role exists already and keeps its rights.
            Assert.True(await MigrateAsync(administrator, role));

            var asTheBot = new NpgsqlConnectionStringBuilder(administrator["ConnectionStrings:ArtBot"]) { Username = role, Password = Password }.ConnectionString;
            using var bot = Host(new Dictionary<string, string?>(administrator) { ["ConnectionStrings:ArtBot"] = asTheBot, ["Database:MigrateAtStartup"] = "false" });
            var request = new ConsultRequest(Guid.NewGuid(), "ART-R0LE", "test", "Dana Smith", ContactDetails.ByPhone("+14165550199"), ConsultMode.PhoneCall,
                PreferredTime.Morning, "sore wrist", DateTimeOffset.UtcNow, ConsentWording.Version);

            Assert.True((await bot.Services.GetRequiredService<IConsultRequestStore>().SaveAsync(request, CancellationToken.None)).IsNew);
            Assert.Equal("a token", bot.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("t").Unprotect(
                bot.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("t").Protect("a token")));
            await using var connection = new NpgsqlConnection(asTheBot);
            await connection.OpenAsync();
            foreach (var ddl in new[] { "DROP TABLE consult_requests", "CREATE TABLE intruder (id int)", "ALTER TABLE consult_requests ADD COLUMN extra text", "TRUNCATE consult_requests" })
            {
                await using var command = new NpgsqlCommand(ddl, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
        finally
        {
            TestDatabase.Delete(administrator, folder);
            var server = new NpgsqlConnectionStringBuilder(administrator["ConnectionStrings:ArtBot"]) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void A_bot_role_without_a_long_password_is_refused_with_the_settings_names()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:ArtBot"] = "Host=localhost", ["Database:BotRole"] = "artbot_bot", ["Database:BotRolePassword"] = "short" };
        using var host = Host(settings);

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Database:BotRolePassword", refused.Message);
    }

    private static async Task<bool> MigrateAsync(Dictionary<string, string?> administrator, string role)
    {
        using var host = Host(new Dictionary<string, string?>(administrator) { ["Database:BotRole"] = role, ["Database:BotRolePassword"] = Password });
        return await host.RunCommandAsync(["migrate"]);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        return builder.Build();
    }
}
