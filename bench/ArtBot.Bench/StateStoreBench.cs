using System.Diagnostics;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Hosting;
using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArtBot.Bench;

/// <summary>
/// A turn's state read and write, in-process, as the bot does it (load the conversation state, change it, save it
/// with its ETag), through the app's own <c>AddStorage</c> on the store the settings name.
/// </summary>
public static class StateStoreBench
{
    public static async Task RunAsync(string label, Dictionary<string, string?> databaseSettings, int rounds)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(databaseSettings);
        builder.AddStorage();
        using var host = builder.Build();
        await DatabaseMigration.MigrateAsync(host.Services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>(), CancellationToken.None);
        var state = new ConversationState(host.Services.GetRequiredService<IStorage>());
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
        Console.WriteLine($"A turn's state read and write ({label}, in-process): {Percentiles.Describe(timings)}");
    }
}
