using ArtBot.TestSupport;
using System.Diagnostics;

namespace ArtBot.Bench;

/// <summary>Starts the built bot as its own process on loopback, on the store asked for, and measures start-up, the first answer and whole bookings.</summary>
public static class BotProcessBench
{
    public static async Task RunAsync(string store, string[] settings, int bookings)
    {
        await using var bot = await BotProcess.StartBotAsync(settings);
        var first = Stopwatch.StartNew();
        await BotMessages.SayAsync(bot.Http, "first", "does active release therapy hurt?");
        Console.WriteLine($"Bot process on {store}: healthy {bot.HealthyAfter.TotalMilliseconds:0} ms after launch; first answer took {first.Elapsed.TotalMilliseconds:0} ms");
        await BookingBench.RunAsync(store, bot.Http, bookings);
        Console.WriteLine($"Bot process on {store}: working set after the bookings {bot.WorkingSetMiB} MiB");
    }
}
