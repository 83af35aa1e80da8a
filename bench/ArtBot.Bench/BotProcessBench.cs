using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArtBot.Bench;

/// <summary>Starts the built bot as its own process on loopback and measures start-up, the first answer and steady turns.</summary>
public static class BotProcessBench
{
    public static async Task RunAsync(int requests, int concurrency, int bookings)
    {
        var botDll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "bot", "ArtBot.Bot", "bin", Configuration, "net10.0", "ArtBot.Bot.dll");
        botDll = Path.GetFullPath(botDll);
        if (!File.Exists(botDll))
        {
            throw new FileNotFoundException($"Build the bot first ({botDll} is missing).");
        }
        var url = $"http://127.0.0.1:{FreePort()}";
        var scratch = Directory.CreateTempSubdirectory("artbot-bench-").FullName;
        var started = Stopwatch.StartNew();
        using var bot = Process.Start(new ProcessStartInfo("dotnet", [botDll, "--urls", url, "--UnansweredQuestions:FilePath", Path.Combine(scratch, "unanswered.jsonl"), "--Database:SqlitePath", Path.Combine(scratch, "artbot.db"), "--Logging:LogLevel:Default", "Warning",
            // The bench is one client sending as fast as it can: lift the rate limits it is not measuring.
            "--RateLimits:ClientPerMinute", "1000000", "--RateLimits:ClientBurst", "100000",
            "--RateLimits:ConversationPerMinute", "100000", "--RateLimits:ConversationBurst", "10000"])
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(60));
            var healthyAfter = started.Elapsed;

            var first = Stopwatch.StartNew();
            await AskAsync(http, "does active release therapy hurt?", 0);
            Console.WriteLine($"Bot process: healthy {healthyAfter.TotalMilliseconds:0} ms after launch; first answer took {first.Elapsed.TotalMilliseconds:0} ms");

            var timings = new List<double>(requests);
            var questions = new[] { "does it hurt", "what are adhesions", "how much does it cost", "ART vs massage", "is it safe", "book me in" };
            var wall = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests)
                {
                    var start = Stopwatch.GetTimestamp();
                    await AskAsync(http, questions[index % questions.Length], index);
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    lock (timings)
                    {
                        timings.Add(elapsed);
                    }
                }
            }));
            Console.WriteLine($"/api/messages (expectReplies), {concurrency} concurrent: {requests / wall.Elapsed.TotalSeconds:N0} turns/s; {Percentiles.Describe(timings)}");

            await BookingBench.RunAsync(http, bookings);
            bot.Refresh();
            Console.WriteLine($"Bot process working set after the load: {bot.WorkingSet64 / (1024 * 1024)} MiB");
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            Directory.Delete(scratch, recursive: true);
        }
    }

    internal static async Task AskAsync(HttpClient http, string question, int index)
    {
        var activity = $$$"""
            {"type":"message","id":"bench-{{{index}}}","text":"{{{question}}}","channelId":"bench","serviceUrl":"http://127.0.0.1:9/",
             "deliveryMode":"expectReplies","from":{"id":"visitor-{{{index % 50}}}"},"recipient":{"id":"artbot"},"conversation":{"id":"bench-{{{index % 50}}}"}}
            """;
        using var response = await http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (!body.Contains("\"artbot\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The bot answered without its channel data: " + body);
        }
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The bot did not become healthy in time.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
