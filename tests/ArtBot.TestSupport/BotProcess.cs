using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ArtBot.TestSupport;

/// <summary>
/// A built program of this repository (the bot, or the echo bot to compare with) running as its own process on
/// loopback, as the bench and the several-instances tests start it.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _scratch;

    private BotProcess(Process process, string url, string scratch, TimeSpan healthyAfter)
    {
        _process = process;
        Url = url;
        _scratch = scratch;
        HealthyAfter = healthyAfter;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <summary>From launch to the first successful health check.</summary>
    public TimeSpan HealthyAfter { get; }

    public long WorkingSetMiB
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / (1024 * 1024);
        }
    }

    /// <summary>
    /// The bot with its embedded defaults, its files in a scratch folder (its SQLite database too, unless the settings
    /// name another) and the rate limits lifted: the bench is one client sending as fast as it can.
    /// </summary>
    public static Task<BotProcess> StartBotAsync(params string[] settings) => StartBuildAsync(Built("bot", "ArtBot.Bot"), settings);

    /// <summary>The bot built at <paramref name="dll"/> (another commit's, to compare with), started as <see cref="StartBotAsync(string[])"/> does.</summary>
    public static Task<BotProcess> StartBuildAsync(string dll, params string[] settings) => StartAsync(dll, scratch =>
    [
        "--UnansweredQuestions:FilePath", Path.Combine(scratch, "unanswered.jsonl"), "--Database:SqlitePath", Path.Combine(scratch, "artbot.db"),
        "--Logging:LogLevel:Default", "Warning",
        "--RateLimits:ClientPerMinute", "1000000", "--RateLimits:ClientBurst", "100000",
        "--RateLimits:AllClientsPerMinute", "10000000", "--RateLimits:AllClientsBurst", "1000000",
        "--RateLimits:ConversationPerMinute", "100000", "--RateLimits:ConversationBurst", "10000",
        .. settings,
    ]);

    /// <summary>A bare echo bot on the same Bot Framework SDK: the baseline a turn's own work is measured against.</summary>
    public static Task<BotProcess> StartEchoBotAsync() => StartAsync(Built("bench", "ArtBot.EchoBot"), _ => ["--Logging:LogLevel:Default", "Warning"]);

    private static string Built(string folder, string project) =>
        Path.Combine(Repository.Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");

    private static async Task<BotProcess> StartAsync(string dll, Func<string, string[]> arguments)
    {
        var project = Path.GetFileNameWithoutExtension(dll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first ({dll} is missing).");
        }
        var url = $"http://127.0.0.1:{FreePort()}";
        var scratch = Directory.CreateTempSubdirectory("artbot-bench-").FullName;
        var started = Stopwatch.StartNew();
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", url, .. arguments(scratch)])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => Keep(errors, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(errors, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        while (started.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new BotProcess(process, url, scratch, started.Elapsed);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's time-out: not ready yet.
            }
            await Task.Delay(20);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{project} did not become healthy:\n{string.Join('\n', errors)}");
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            while (lines.Count > 20 && lines.TryDequeue(out _))
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_scratch, recursive: true);
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
