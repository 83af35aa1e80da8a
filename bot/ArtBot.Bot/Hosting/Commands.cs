using ArtBot.Bot.Storage;
using ArtBot.Bot.Unanswered;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ArtBot.Bot.Hosting;

/// <summary>
/// What <c>ArtBot.Bot</c> does instead of serving, when started with a command (and the same settings as the bot):
/// <c>migrate</c> applies the database's migrations, grants the serving bot's role its rows (<c>Database:BotRole</c>)
/// and exits (production runs it before the bot starts);
/// <c>unanswered</c> prints the questions kept for review, one JSON object a line; <c>reviewed</c> prints the
/// questions staff taught from Teams, as <c>intent&lt;TAB&gt;text</c> lines for <c>training -- merge-reviewed</c>.
/// </summary>
public static class Commands
{
    private static readonly JsonSerializerSettings JsonLines = new() { ContractResolver = new CamelCasePropertyNamesContractResolver() };

    /// <summary>Runs the command in <paramref name="args"/>, if there is one; false when the bot should serve.</summary>
    public static async Task<bool> RunCommandAsync(this IHost app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                await DatabaseMigration.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>(), CancellationToken.None);
                Console.WriteLine($"The {database.Provider} database is up to date.");
                if (database.BotRole is { Length: > 0 } role)
                {
                    await Storage.PostgreSql.BotRole.EnsureAsync(database.ConnectionString!, role, database.BotRolePassword!, CancellationToken.None);
                    Console.WriteLine($"The role {role} reads and writes its rows and nothing more.");
                }
                return true;
            case "unanswered":
                foreach (var question in await app.Services.GetRequiredService<IUnansweredQuestionLog>().ListAsync(CancellationToken.None))
                {
                    Console.WriteLine(JsonConvert.SerializeObject(question, JsonLines));
                }
                return true;
            case "reviewed":
                foreach (var (intent, text) in await app.Services.GetRequiredService<IReviewedUtterances>().ListAsync(CancellationToken.None))
                {
                    Console.WriteLine($"{intent}\t{text.ReplaceLineEndings(" ").Replace('\t', ' ')}");
                }
                return true;
            default:
                return false;
        }
    }
}
