using ArtBot.Bot.Consult;
using ArtBot.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>The model and each provider's migrations agree, and a database from before EF Core keeps everything in it.</summary>
public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task The_migrations_build_exactly_the_model_so_no_change_waits_for_a_migration(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration: dotnet ef migrations add <Name> --project bot/ArtBot.Bot --context {db.GetType().Name} --output-dir Storage/{db.GetType().Namespace!.Split('.')[^1]}/Migrations");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_SQLite_file_and_the_folder_the_bot_makes_for_it_are_for_the_bots_user_alone()
    {
        var folder = Directory.CreateTempSubdirectory("artbot-modes-").FullName;
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = Path.Combine(folder, "App_Data", "artbot.db") };
        try
        {
            using var database = new TestDatabase(settings, folder);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "App_Data", "artbot.db")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(folder, "App_Data")));
        }
        finally
        {
            TestDatabase.Delete(settings, folder);
        }
    }

    [Fact]
    public async Task A_database_made_before_EF_Core_keeps_its_requests_conversations_and_keys()
    {
        var folder = Directory.CreateTempSubdirectory("artbot-legacy-").FullName;
        var settings = TestDatabase.SettingsFor(DatabaseProvider.Sqlite, folder);
        try
        {
            await CreateLegacyDatabaseAsync(settings["Database:SqlitePath"]!);

            using var upgraded = new TestDatabase(settings, folder);
            var request = Assert.Single(await upgraded.Get<IConsultRequestStore>().ListAsync(CancellationToken.None));
            var state = await upgraded.Get<DatabaseBotStorage>().ReadAsync(["test/conversations/legacy-1/"]);
            var key = Assert.Single(new DatabaseDataProtectionKeys(upgraded.Contexts).GetAllElements());

            Assert.Equal(("ART-OLD7", "Dana Smith", "+14165550199"), (request.Reference, request.Request.Name, request.Request.Contact.Phone));
            Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero), request.CreatedAt);
            Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 29, 0, TimeSpan.Zero), request.Request.ConsentGivenAt);
            Assert.Equal("Name", (string?)((JObject)state["test/conversations/legacy-1/"])["ConsultBooking"]!["Step"]);
            Assert.Equal("key-1", (string?)key.Attribute("id"));
            Assert.Equal(1, await upgraded.Get<DatabaseBotStorage>().DeleteUnfinishedBookingsNotUpdatedSinceAsync(DateTimeOffset.UtcNow, CancellationToken.None));
            var again = await upgraded.Get<IConsultRequestStore>().SaveAsync(request.Request with { Reference = "ART-NEW7" }, CancellationToken.None);
            Assert.Equal(new SaveOutcome("ART-OLD7", IsNew: false), again);
            var ticket = await upgraded.Get<ArtBot.Bot.Staff.IStaffTickets>().FindAsync("ART-OLD7", CancellationToken.None);
            Assert.Equal(ArtBot.Bot.Staff.TicketStatus.Unassigned, ticket!.Status);
        }
        finally
        {
            TestDatabase.Delete(settings, folder);
        }
    }

    /// <summary>The schema hand-written migrations 1–4 left, with one row of each kind in it.</summary>
    private static async Task CreateLegacyDatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, '2026-04-01T00:00:00.0000000+00:00'), (2, '2026-04-01T00:00:00.0000000+00:00'),
                (3, '2026-04-01T00:00:00.0000000+00:00'), (4, '2026-04-01T00:00:00.0000000+00:00');
            CREATE TABLE bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE consult_requests (
                id INTEGER PRIMARY KEY AUTOINCREMENT, booking_id TEXT NOT NULL UNIQUE, reference TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
                channel_id TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NULL, email TEXT NULL, consult_mode TEXT NOT NULL, time_of_day TEXT NOT NULL,
                concern TEXT NULL, consent_given_at TEXT NOT NULL, consent_version TEXT NOT NULL, CHECK (phone IS NOT NULL OR email IS NOT NULL));
            ALTER TABLE consult_requests ADD COLUMN requester_key TEXT NULL;
            CREATE INDEX ix_consult_requests_requester_key ON consult_requests (requester_key);
            CREATE INDEX ix_consult_requests_created_at ON consult_requests (created_at);
            CREATE INDEX ix_bot_state_updated_at ON bot_state (updated_at);
            ALTER TABLE consult_requests ADD COLUMN conversation_key TEXT NULL;
            CREATE INDEX ix_consult_requests_conversation_key ON consult_requests (conversation_key);
            CREATE TABLE data_protection_keys (friendly_name TEXT PRIMARY KEY, xml TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS readiness_probe (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);

            INSERT INTO consult_requests (booking_id, reference, created_at, channel_id, name, phone, email, consult_mode, time_of_day, concern,
                consent_given_at, consent_version, requester_key, conversation_key)
            VALUES ('6f1c2a0e9b1f4a3e8c7d5b4a3f2e1d0c', 'ART-OLD7', '2026-05-01T09:30:00.0000000+00:00', 'webchat', 'Dana Smith', '+14165550199', NULL,
                'PhoneCall', 'Morning', 'sore wrist', '2026-05-01T05:29:00.0000000-04:00', 'v1', 'requester-1', 'conversation-1');
            INSERT INTO bot_state VALUES ('test/conversations/legacy-1/', 'etag-1',
                '{"ConsultBooking":{"Step":"Name","Name":"Dana","Contact":null}}', '2026-05-01T09:31:00.0000000+00:00');
            INSERT INTO data_protection_keys VALUES ('key-1', '<key id="key-1" version="1" />');
            """;
        await command.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }
}
