using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Storage;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>What an operator runs beside the bot: <c>migrate</c> before a release, <c>unanswered</c> to review questions.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-command-").FullName;
    private Dictionary<string, string?> _database = [];

    public void Dispose() => TestDatabase.Delete(_database, _folder);

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Migrate_brings_an_empty_database_up_to_date_and_exits(DatabaseProvider provider)
    {
        _database = TestDatabase.SettingsFor(provider, _folder);

        var (exitCode, output) = await BotCommandLine.RunAsync(["migrate", .. Arguments(_database)]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"The {provider} database is up to date.", output);
        using var migrated = new TestDatabase(_database, _folder);
        await using var db = await migrated.Contexts.CreateDbContextAsync();
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
    }

    [Fact]
    public async Task Unanswered_prints_the_questions_kept_for_review_one_json_object_a_line()
    {
        _database = TestDatabase.SettingsFor(DatabaseProvider.Sqlite, _folder);
        using (var app = new ArtBotApplication(new Dictionary<string, string?>(_database), folder: _folder))
        {
            await new BotConversationClient(app.CreateClient(), "review-1").SayAsync("do you sell gift cards? call me on 416 555 0199");
        }

        var (exitCode, output) = await BotCommandLine.RunAsync(["unanswered", .. Arguments(_database), "--Logging:LogLevel:Default", "Warning"]);

        Assert.Equal(0, exitCode);
        var line = Newtonsoft.Json.Linq.JObject.Parse(Assert.Single(output));
        Assert.Equal("do you sell gift cards? call me on [phone]", (string?)line["question"]);
    }

    private static string[] Arguments(Dictionary<string, string?> settings) => [.. settings.SelectMany(setting => new[] { "--" + setting.Key, setting.Value! })];
}
