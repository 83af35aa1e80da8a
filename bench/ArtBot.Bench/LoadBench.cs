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
    /// <param name="baselineDll">Another build of the bot (say, the commit before a change) to put in the same table; null to skip.</param>
    public static async Task RunAsync(int connections, TimeSpan duration, int targetTurnsPerSecond, string? baselineDll)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed (apt-get install wrk): load figures skipped.");
            return;
        }
        var rows = new List<Result>();
        Result echo;
        await using (var echoBot = await BotProcess.StartEchoBotAsync())
        {
            await WarmAsync([echoBot], connections);
            echo = Run("Echo bot (same SDK)", [echoBot], connections, duration);
        }
        rows.Add(echo);

        if (baselineDll is not null)
        {
            await using var before = await BotProcess.StartBuildAsync(baselineDll);
            await WarmAsync([before], connections);
            Console.WriteLine($"Baseline build: {baselineDll}");
            rows.Add(Run("ArtBot on SQLite, baseline build", [before], connections, duration));
        }

        await using (var sqlite = await StartAndReportAsync("SQLite", []))
        {
            await WarmAsync([sqlite], connections);
            var flat = Run("ArtBot on SQLite", [sqlite], connections, duration);
            rows.Add(flat);
            // Each paced connection waits, then waits for its answer: take the answer's time off the pause to land near the target.
            var pauseMs = 1000 * connections / targetTurnsPerSecond;
            var paced = Run($"ArtBot on SQLite, paced to {targetTurnsPerSecond} turns/s", [sqlite], connections, duration, pauseMs);
            rows.Add(Run(paced.Name, [sqlite], connections, duration, Math.Max(1, pauseMs - (int)Math.Round(paced.P50))));
            ReportMemory("SQLite", sqlite, connections, flat.Requests + rows[^1].Requests);
        }

        var postgreSql = new[] { "--Database:Provider", "PostgreSQL", "--ConnectionStrings:ArtBot", PostgresServer.CreateDatabase() };
        await using (var one = await StartAndReportAsync("PostgreSQL", postgreSql))
        {
            await WarmAsync([one], connections);
            var flat = Run("ArtBot on PostgreSQL, one instance", [one], connections, duration);
            rows.Add(flat);
            ReportMemory("PostgreSQL", one, connections, flat.Requests);
        }
        var shared = new[] { "--Database:Provider", "PostgreSQL", "--ConnectionStrings:ArtBot", PostgresServer.CreateDatabase() };
        var two = await Task.WhenAll(BotProcess.StartBotAsync(shared), BotProcess.StartBotAsync(shared));
        try
        {
            await WarmAsync(two, connections);
            rows.Add(Run("ArtBot on PostgreSQL, two instances", two, connections, duration));
        }
        finally
        {
            foreach (var instance in two)
            {
                await instance.DisposeAsync();
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| {connections} clients, {duration.TotalSeconds:0} s each | turns/s | p50 ms | p99 ms | turns/s vs echo | requests | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Name} | {result.TurnsPerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {result.TurnsPerSecond / echo.TurnsPerSecond:0.00} | {result.Requests} | {result.Errors} |"));
        }
        Console.WriteLine();
    }

    private static async Task<BotProcess> StartAndReportAsync(string store, string[] settings)
    {
        var bot = await BotProcess.StartBotAsync(settings);
        var firstAnswer = Stopwatch.StartNew();
        await BotMessages.SayAsync(bot.Http, "first", "does active release therapy hurt?");
        Console.WriteLine($"ArtBot on {store}: healthy {bot.HealthyAfter.TotalMilliseconds:0} ms after launch, first answer {firstAnswer.Elapsed.TotalMilliseconds:0} ms after that ({(bot.HealthyAfter + firstAnswer.Elapsed).TotalMilliseconds:0} ms from launch); working set {bot.WorkingSetMiB} MiB");
        return bot;
    }

    /// <summary>Tops the turns up to at least 10,000 and prints the working set.</summary>
    private static void ReportMemory(string store, BotProcess bot, int connections, long turns)
    {
        while (turns < 10_000)
        {
            turns += Run("more turns", [bot], connections, TimeSpan.FromSeconds(10)).Requests;
        }
        Console.WriteLine($"ArtBot on {store}: working set after {turns:N0} turns {bot.WorkingSetMiB} MiB");
    }

    /// <summary>
    /// Checks every bot answers, then runs it under load untimed for a while: the JIT's tiering settles over the first
    /// 20 to 30 seconds of load (ArtBot serves about 100 turns/s in its first 10 s, 150 in the next, then about 210).
    /// </summary>
    private static async Task WarmAsync(BotProcess[] bots, int connections)
    {
        await Task.WhenAll(Enumerable.Range(0, connections * 20).Select(index => BotMessages.SayAsync(bots[index % bots.Length].Http, $"warm-{index}", "warming up " + index, fromArtBot: false)));
        Run("warm-up", bots, connections, TimeSpan.FromSeconds(30));
    }

    /// <summary>wrk's two threads split the clients; with two instances each thread sends to its own (turns.lua).</summary>
    private static Result Run(string name, BotProcess[] bots, int connections, TimeSpan duration, int pauseMs = 0)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "turns.lua");
        var start = new ProcessStartInfo("wrk",
            ["-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{duration.TotalSeconds:0}s", "--latency", "-s", script,
             bots[0].Url + "/api/messages", "--", pauseMs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        };
        if (bots.Length > 1)
        {
            start.Environment["WRK_SECOND_PORT"] = new Uri(bots[1].Url).Port.ToString(CultureInfo.InvariantCulture);
        }
        using var wrk = Process.Start(start)!;
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
