using System.Diagnostics;
using ArtBot.TestSupport;
using Microsoft.Playwright;

namespace ArtBot.Bench;

/// <summary>
/// What a visitor waits for when they tap the chat button, in Debian's Chromium (headless) on the clinic's page as the
/// bot serves it: until the placeholder is painted, and until the chat is usable (the welcome shown, the message box
/// there). On a desktop connection and on Lighthouse's slow 4G (562.5 ms round trip, 1.44 Mbit/s down, 4× slower CPU);
/// tapping as soon as the page has loaded, and after the page has been idle long enough to preload the chat.
/// </summary>
public static class OpeningBench
{
    private const string Welcome = "I answer questions about Active Release Therapy";

    /// <param name="baseline">Another build's ArtBot.Bot.dll, measured first the same way, to compare with.</param>
    public static async Task RunAsync(int runs, string? baseline)
    {
        if (baseline is not null)
        {
            await using var before = await BotProcess.StartBuildAsync(baseline, ContentRootOf(baseline));
            await MeasureAsync($"baseline {baseline}", before.Url, runs);
        }
        await using var bot = await BotProcess.StartBotAsync(["--contentRoot", Path.Combine(Repository.Root, "bot", "ArtBot.Bot")]);
        await MeasureAsync("this build", bot.Url, runs);
    }

    /// <summary>
    /// The project folder of a built (not published) bot, as its content root: a build serves the widget's static
    /// files from the project's wwwroot, as <c>dotnet run</c> does; a published bot has them beside it.
    /// </summary>
    private static string[] ContentRootOf(string dll) => ["--contentRoot", Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", ".."))];

    private static async Task MeasureAsync(string build, string url, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        foreach (var slow4G in new[] { false, true })
        {
            foreach (var preloaded in new[] { false, true })
            {
                var placeholder = new List<double>();
                var usable = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    var (painted, ready) = await OpenOnceAsync(browser, url, slow4G, preloaded);
                    placeholder.Add(painted);
                    usable.Add(ready);
                }
                Console.WriteLine($"{build}: opening the chat, {(slow4G ? "slow 4G, CPU 4x slower" : "desktop, no throttling")}, tapped {(preloaded ? "after the page was idle (chat preloaded)" : "as soon as the page loaded")}: " +
                    $"placeholder painted {Median(placeholder):0} ms, chat usable {Median(usable):0} ms (median of {runs}; usable from {usable.Min():0} to {usable.Max():0} ms)");
            }
        }
    }

    private static async Task<(double Placeholder, double Usable)> OpenOnceAsync(IBrowser browser, string url, bool slow4G, bool preloaded)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 } });
        var page = await context.NewPageAsync();
        if (slow4G)
        {
            var devTools = await context.NewCDPSessionAsync(page);
            await devTools.SendAsync("Network.enable");
            await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 562.5, ["downloadThroughput"] = 1.6 * 1024 * 1024 / 8 * 0.9, ["uploadThroughput"] = 750 * 1024 / 8 * 0.9,
            });
            await devTools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        }
        var chatLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/chat.js", StringComparison.Ordinal))
            {
                chatLoaded.TrySetResult();
            }
        };
        await page.GotoAsync(url + "/", new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        if (preloaded)
        {
            // A build without the preload (the baseline) loads nothing more: the visitor has simply been idle for 10 s.
            await Task.WhenAny(chatLoaded.Task, Task.Delay(TimeSpan.FromSeconds(slow4G ? 60 : 10)));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
        }
        var clock = Stopwatch.StartNew();
        // Tapped in the page, timed to the second frame painted after it: the placeholder is on screen.
        var painted = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              const tapped = performance.now();
              document.querySelector('button.artbot-launcher').click();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - tapped)));
            })
            """);
        await page.FrameLocator("iframe[title='ArtBot chat']").GetByText(Welcome).First.WaitForAsync(new() { Timeout = 120_000 });
        await page.FrameLocator("iframe[title='ArtBot chat']").Locator("[data-id='webchat-sendbox-input']").WaitForAsync(new() { Timeout = 120_000 });
        return (painted, clock.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
