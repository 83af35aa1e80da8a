using System.Diagnostics;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ArtBot.Bench;

/// <summary>A turn's state read and write, in-process, as the bot does it: load the conversation state, change it, save it with its ETag.</summary>
public static class StateStoreBench
{
    public static async Task RunAsync(int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("artbot-state-").FullName;
        try
        {
            var database = new SqliteDatabase(Path.Combine(folder, "artbot.db"));
            await database.MigrateAsync(CancellationToken.None);
            var state = new ConversationState(new SqliteBotStorage(database));
            var booking = state.CreateProperty<ConsultBooking>(nameof(ConsultBooking));
            var adapter = new TestAdapter();
            var timings = new List<double>(rounds);
            for (var index = -200; index < rounds; index++)
            {
                var activity = MessageFactory.Text("hi");
                activity.ChannelId = "bench";
                activity.Conversation = new ConversationAccount(id: $"state-{index % 500}");
                using var turn = new TurnContext(adapter, (Microsoft.Bot.Schema.Activity)activity);
                var start = Stopwatch.GetTimestamp();
                var value = await booking.GetAsync(turn, () => new ConsultBooking(), CancellationToken.None);
                value.FailedAttempts++;
                await booking.SetAsync(turn, value, CancellationToken.None);
                await state.SaveChangesAsync(turn, force: false, CancellationToken.None);
                if (index >= 0)
                {
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            Console.WriteLine($"A turn's state read and write (SQLite, in-process): {Percentiles.Describe(timings)}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
