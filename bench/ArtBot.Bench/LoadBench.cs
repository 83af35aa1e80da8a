using ArtBot.TestSupport;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ArtBot.Bench;

/// <summary>
/// <c>/api/messages</c> under load with <c>wrk</c> (Debian's) on loopback, fresh conversation ids on every request,
/// next to a bare echo bot on the same SDK in the same run, since figures on a shared machine swing from run to run.
/// </summary>
public static partial class LoadBench
{
    public sealed record Result(string Name, double TurnsPerSecond, double P50, double P99, long Requests, long Errors);

    /// <param name="targetTurnsPerSecond">
    /// The rate at which latency is also measured with paced clients: wrk is closed-loop, so at full speed its latency is
    /// only the number of clients divided by the throughput, whatever the bot does.
    /// </param>
    public static async Task RunAsync(int connections, TimeSpan duration, int targetTurnsPerSecond)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed (apt-get install wrk): load figures skipped.");
            return;
        }
        Result echo;
        await using (var echoBot = await BotProcess.StartEchoBotAsync())
        {
            await WarmAsync(echoBot, connections);
            echo = Run("Echo bot (same SDK)", echoBot, connections, duration);
        }
        await using var bot = await BotProcess.StartBotAsync();
        var firstAnswer = Stopwatch.StartNew();
        await BotMessages.SayAsync(bot.Http, "first", "does active release therapy hurt?");
        Console.WriteLine($"ArtBot: healthy {bot.HealthyAfter.TotalMilliseconds:0} ms after launch; first answer {firstAnswer.Elapsed.TotalMilliseconds:0} ms after that; working set {bot.WorkingSetMiB} MiB");
        await WarmAsync(bot, connections);
        var artBot = Run("ArtBot", bot, connections, duration);
        // Each paced connection waits, then waits for its answer: take the answer's time off the pause to land near the target.
        var pauseMs = 1000 * connections / targetTurnsPerSecond;
        var paced = Run($"ArtBot, paced to {targetTurnsPerSecond} turns/s", bot, connections, duration, pauseMs);
        paced = Run($"ArtBot, paced to {targetTurnsPerSecond} turns/s", bot, connections, duration, Math.Max(1, pauseMs - (int)Math.Round(paced.P50)));

        Console.WriteLine();
        Console.WriteLine($"| {connections} clients, {duration.TotalSeconds:0} s each | turns/s | p50 ms | p99 ms | turns/s vs echo | requests | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in new[] { echo, artBot, paced })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Name} | {result.TurnsPerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {result.TurnsPerSecond / echo.TurnsPerSecond:0.00} | {result.Requests} | {result.Errors} |"));
        }
        Console.WriteLine();

        var turns = artBot.Requests;
        while (turns < 10_000)
        {
            turns += Run("ArtBot (more turns)", bot, connections, TimeSpan.FromSeconds(10)).Requests;
        }
        Console.WriteLine($"ArtBot working set after {turns:N0} turns: {bot.WorkingSetMiB} MiB");
    }

    private static async Task WarmAsync(BotProcess bot, int connections)
    {
        await Task.WhenAll(Enumerable.Range(0, connections * 20).Select(index => BotMessages.SayAsync(bot.Http, $"warm-{index}", "warming up " + index, fromArtBot: false)));
    }

    private static Result Run(string name, BotProcess bot, int connections, TimeSpan duration, int pauseMs = 0)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "turns.lua");
        using var wrk = Process.Start(new ProcessStartInfo("wrk",
            ["-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{duration.TotalSeconds:0}s", "--latency", "-s", script,
             bot.Url + "/api/messages", "--", pauseMs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        var match = ResultLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("wrk printed no result:\n" + output);
        }
        double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var requests = (long)Number("requests");
        return new Result(name, requests / Number("seconds"), Number("p50"), Number("p99"), requests, (long)Number("errors"));
    }

    [GeneratedRegex(@"RESULT requests=(?<requests>\d+) errors=(?<errors>\d+) seconds=(?<seconds>[\d.]+) p50_ms=(?<p50>[\d.]+) p99_ms=(?<p99>[\d.]+)")]
    private static partial Regex ResultLine();
}
