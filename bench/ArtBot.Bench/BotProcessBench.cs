using ArtBot.TestSupport;
using System.Diagnostics;

namespace ArtBot.Bench;

/// <summary>Starts the built bot as its own process on loopback and measures start-up, the first answer and whole bookings.</summary>
public static class BotProcessBench
{
    public static async Task RunAsync(int bookings)
    {
        await using var bot = await BotProcess.StartBotAsync();
        var first = Stopwatch.StartNew();
        await BotMessages.SayAsync(bot.Http, "first", "does active release therapy hurt?");
        Console.WriteLine($"Bot process: healthy {bot.HealthyAfter.TotalMilliseconds:0} ms after launch; first answer took {first.Elapsed.TotalMilliseconds:0} ms");
        await BookingBench.RunAsync(bot.Http, bookings);
        Console.WriteLine($"Bot process working set after the bookings: {bot.WorkingSetMiB} MiB");
    }
}
