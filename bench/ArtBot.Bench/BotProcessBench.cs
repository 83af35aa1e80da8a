using System.Diagnostics;
using System.Text;

namespace ArtBot.Bench;

/// <summary>Starts the built bot as its own process on loopback and measures start-up, the first answer and whole bookings.</summary>
public static class BotProcessBench
{
    public static async Task RunAsync(int bookings)
    {
        await using var bot = await BotProcess.StartBotAsync();
        var first = Stopwatch.StartNew();
        await AskAsync(bot.Http, "does active release therapy hurt?", 0);
        Console.WriteLine($"Bot process: healthy {bot.HealthyAfter.TotalMilliseconds:0} ms after launch; first answer took {first.Elapsed.TotalMilliseconds:0} ms");
        await BookingBench.RunAsync(bot.Http, bookings);
        Console.WriteLine($"Bot process working set after the bookings: {bot.WorkingSetMiB} MiB");
    }

    internal static async Task AskAsync(HttpClient http, string question, int index)
    {
        var activity = $$$"""
            {"type":"message","id":"bench-{{{index}}}","text":"{{{question}}}","channelId":"bench","serviceUrl":"http://127.0.0.1:9/",
             "deliveryMode":"expectReplies","from":{"id":"visitor-{{{index % 50}}}"},"recipient":{"id":"artbot"},"conversation":{"id":"bench-{{{index % 50}}}"}}
            """;
        using var response = await http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
