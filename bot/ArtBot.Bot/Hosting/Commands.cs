using ArtBot.Bot.Storage;
using ArtBot.Bot.Unanswered;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ArtBot.Bot.Hosting;

/// <summary>
/// What <c>ArtBot.Bot</c> does instead of serving, when started with a command (and the same settings as the bot):
/// <c>migrate</c> applies the database's migrations and exits (production runs it once per release);
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
                await DatabaseMigration.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>(), CancellationToken.None);
                Console.WriteLine($"The {app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider} database is up to date.");
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
