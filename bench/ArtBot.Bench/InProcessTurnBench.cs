using ArtBot.TestSupport;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ArtBot.Bench;

/// <summary>
/// One whole turn in-process: the real app (its DI, middleware, adapter, bot and SQLite state) behind an in-memory
/// server, so the figure is the bot's own work without sockets or a load generator sharing the cores.
/// </summary>
public static class InProcessTurnBench
{
    public static async Task RunAsync(int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("artbot-inproc-").FullName;
        try
        {
            await using var app = new WebApplicationFactory<ArtBot.Bot.Bots.ArtBotHandler>().WithWebHostBuilder(builder => builder
                .UseSolutionRelativeContentRoot("bot/ArtBot.Bot")
                .UseSetting("Database:SqlitePath", Path.Combine(folder, "artbot.db"))
                .UseSetting("UnansweredQuestions:FilePath", Path.Combine(folder, "unanswered.jsonl"))
                .UseSetting("Logging:LogLevel:Default", "Warning")
                .UseSetting("RateLimits:ClientPerMinute", "1000000").UseSetting("RateLimits:ClientBurst", "100000")
                .UseSetting("RateLimits:ConversationPerMinute", "100000").UseSetting("RateLimits:ConversationBurst", "10000"));
            using var http = app.CreateClient();
            string[] questions = ["does active release therapy hurt", "what are adhesions exactly", "is ART better than a massage", "can it help my tennis elbow", "are there side effects after a session"];
            var timings = new List<double>(rounds);
            for (var index = -100; index < rounds; index++)
            {
                var start = Stopwatch.GetTimestamp();
                await BotMessages.SayAsync(http, $"inproc-{index}", $"{questions[Math.Abs(index) % questions.Length]} {index}");
                if (index >= 0)
                {
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            Console.WriteLine($"One whole turn in-process (new conversation, fresh text): {Percentiles.Describe(timings)}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
