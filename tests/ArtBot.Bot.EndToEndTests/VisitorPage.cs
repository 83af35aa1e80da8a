using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>
/// A visitor's browser tab on the clinic's page, at desktop (1366×800) or phone (390×844) size, and what they do
/// there: open the widget, type, tap, look. Records every console error, which tests then expect to be none.
/// </summary>
public abstract class VisitorPage(BrowserFixture browser) : IAsyncLifetime
{
    public static readonly (int Width, int Height) Desktop = (1366, 800);
    public static readonly (int Width, int Height) Phone = (390, 844);

    // Web Chat renders Markdown with typographic quotes ("I’m"), so the tests look for words without apostrophes.
    protected const string WelcomeText = "I answer questions about Active Release Therapy";
    protected const string LauncherName = "Questions about ART? Open the chat with ArtBot";

    private IBrowserContext _context = null!;
    private readonly List<string> _consoleErrors = [];

    protected BrowserFixture Browser { get; } = browser;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _context = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = Desktop.Width, Height = Desktop.Height } });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    protected Task ResizeAsync((int Width, int Height) size) => Page.SetViewportSizeAsync(size.Width, size.Height);

    /// <summary>No script error, failed load or Content Security Policy violation in the page or the chat frame.</summary>
    protected void NoConsoleErrors() => Assert.True(_consoleErrors.Count == 0, string.Join("\n", _consoleErrors));

    // By class, not role: once the panel is open the launcher is hidden, and hidden elements have no role.
    protected ILocator Launcher() => Page.Locator("button.artbot-launcher");

    protected ILocator Panel() => Page.Locator("#artbot-panel");

    protected IFrameLocator Chat() => Page.FrameLocator("iframe[title='ArtBot chat']");

    protected IFrame ChatFrame() => Page.Frames.Single(frame => frame.Url.Contains("/chat?embedded=true", StringComparison.Ordinal));

    protected static ILocator Visible(ILocator matches) => matches.Filter(new() { Visible = true }).First;

    /// <summary>A button the visitor sees: not its copy in Web Chat's screen-reader live region.</summary>
    protected ILocator Button(string name) =>
        Visible(Chat().GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).And(Chat().Locator("button:not(.webchat__live-region-transcript button)")));

    protected ILocator SendBox() => Chat().Locator("[data-id='webchat-sendbox-input']");

    /// <summary>The booking form once it has opened: the chat no longer moves it to bring its heading into view.</summary>
    protected ILocator SettledForm() => Chat().Locator(".ac-adaptiveCard[data-artbot-form-settled]");

    protected async Task OpenChatAsync((int Width, int Height)? size = null)
    {
        if (size is { } viewport)
        {
            await ResizeAsync(viewport);
        }
        await OpenChatAsync(Browser.Server.BaseUrl);
    }

    /// <summary>Opens the widget on the clinic's page as served by <paramref name="baseUrl"/> (a test's own server).</summary>
    protected async Task OpenChatAsync(string baseUrl)
    {
        await Page.GotoAsync(baseUrl + "/");
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
    }

    protected async Task AskAsync(string question)
    {
        // Web Chat's send box; the consult form in the transcript has text boxes of its own.
        await SendBox().FillAsync(question);
        await SendBox().PressAsync("Enter");
    }

    /// <summary>Types into the field that has the focus, as a visitor does, then moves on with Tab.</summary>
    protected async Task TypeAndTabAsync(string text)
    {
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Tab");
    }

    /// <summary>
    /// Ticks a radio button or checkbox of the form with a click, as a visitor does. On a busy machine the chat can still
    /// be scrolling the form into place, so a click aimed at where the field was drawn may land beside it (CI once saw
    /// "Clicking the checkbox did not change its state"); such a miss changes nothing, and the field is clicked again.
    /// </summary>
    protected static async Task ChooseAsync(ILocator field)
    {
        for (var attempt = 0; attempt < 5 && !await field.IsCheckedAsync(); attempt++)
        {
            await field.ClickAsync();
        }
        await Assertions.Expect(field).ToBeCheckedAsync();
    }

    /// <summary>A picture for docs/screenshots, taken once Web Chat's "Connecting…" under the first reply has gone.</summary>
    protected async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        if (Page.Frames.Any(frame => frame.Url.Contains("/chat", StringComparison.Ordinal)))
        {
            await Assertions.Expect(Chat().GetByText("Connecting")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        }
        await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name), FullPage = fullPage });
    }

    /// <summary>Waits until the text is on screen. (Web Chat repeats messages for screen readers, off screen.)</summary>
    protected static Task<ILocator> SeeAsync(IFrameLocator within, string text) => VisibleAsync(within.GetByText(text));

    protected static Task<ILocator> SeeAsync(IFrameLocator within, Regex text) => VisibleAsync(within.GetByText(text));

    protected static Task<ILocator> SeeAsync(IPage page, string text) => VisibleAsync(page.GetByText(text));

    /// <summary>Waits for the match; if it never shows, the failure says what the visitor saw instead.</summary>
    private static async Task<ILocator> VisibleAsync(ILocator matches)
    {
        var match = matches.Filter(new() { Visible = true }).First;
        try
        {
            await match.WaitForAsync(new() { Timeout = (float)BrowserFixture.Patience.TotalMilliseconds });
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nThe visitor saw instead:\n{await ShownTextAsync(matches.Page)}", timeout);
        }
        return match;
    }

    /// <summary>The last of the page's and the chat frame's visible text, for a failure message.</summary>
    private static async Task<string> ShownTextAsync(IPage page)
    {
        var shown = new List<string>();
        foreach (var frame in page.Frames)
        {
            try
            {
                var text = await frame.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
                shown.Add($"[{frame.Url}]\n{(text.Length > 2_000 ? "…" + text[^2_000..] : text)}");
            }
            catch (PlaywrightException)
            {
                shown.Add($"[{frame.Url}] (could not be read)");
            }
        }
        return string.Join("\n", shown);
    }
}
