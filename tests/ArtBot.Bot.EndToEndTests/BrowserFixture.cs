using Microsoft.Playwright;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no browser download), and the live bot it visits.
/// Shared by the browser tests, which run one after another.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public LiveBotServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// How long a test waits for something a visitor would see. Generous, because CI runs the browser while other
    /// test projects compile and train beside it: there a citation's dialog once took over Playwright's default 5 s to
    /// open (about 0.4 s on a quiet machine, 5 s with the renderer throttled 30×).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        }
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-features=SpareRendererForSitePerProcess",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArtBot.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

// One collection, not two side by side: the browser tests are busy, not idle. Split in two on CI here, they finished 38 s
// sooner, but the bot's tests beside them took 1m48 longer on the two cores, and the run took 700 s (585-650 s before).
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
