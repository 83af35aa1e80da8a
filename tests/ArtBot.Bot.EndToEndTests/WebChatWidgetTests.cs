using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>A visitor on the clinic's page, in a real browser: the widget, a question, a suggested action, the consult form.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebChatWidgetTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    // Web Chat renders Markdown with typographic quotes ("I’m"), so the tests look for words without apostrophes.
    private const string WelcomeText = "I answer questions about Active Release Therapy";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task Shows_the_welcome_as_soon_as_the_widget_opens()
    {
        var loaded = Stopwatch.StartNew();
        await _page.GotoAsync(browser.Server.BaseUrl + "/");
        Assert.Equal("Does Active Release Therapy Really Work?", await _page.Locator("h1").InnerTextAsync());

        await Assertions.Expect(Launcher()).ToHaveAccessibleNameAsync(LauncherName);
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        output.WriteLine($"Page load to welcome: {loaded.ElapsedMilliseconds} ms");

        Assert.Equal("true", await Launcher().GetAttributeAsync("aria-expanded"));
        await Assertions.Expect(Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Book a free consult" }))).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "desktop-welcome.png") });
        NoConsoleErrors();
    }

    [Fact]
    public async Task Answers_does_ART_hurt_from_the_article_and_follows_a_suggested_action()
    {
        await OpenChatAsync();

        var asked = Stopwatch.StartNew();
        await AskAsync("does ART hurt?");
        await SeeAsync(Chat(), "not generally painful");
        output.WriteLine($"Question to answer bubble: {asked.ElapsedMilliseconds} ms");

        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Side effects" })).ClickAsync();
        await SeeAsync(Chat(), "nausea or vomiting");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "desktop-answer.png") });
        NoConsoleErrors();
    }

    [Fact]
    public async Task An_answer_shows_its_source_and_opens_the_articles_own_words()
    {
        await OpenChatAsync();
        await AskAsync("does ART hurt?");
        await SeeAsync(Chat(), "not generally painful");

        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "1 Does Active Release Therapy Really Work?" })).ClickAsync();

        var passage = Chat().GetByRole(AriaRole.Dialog, new() { Name = "Does Active Release Therapy Really Work?" });
        await Assertions.Expect(passage).ToContainTextAsync(ArtBot.Knowledge.Content.KnowledgeBaseLoader.Load(ArtBot.Knowledge.KnowledgeFiles.Default)["is-it-painful"].Passages[0]);
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "desktop-citation.png") });
        NoConsoleErrors();
    }

    [Fact]
    public async Task A_thumbs_down_on_an_answer_offers_the_consult()
    {
        await OpenChatAsync();
        await AskAsync("does ART hurt?");
        await SeeAsync(Chat(), "not generally painful");

        await Visible(Chat().GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("dislike", System.Text.RegularExpressions.RegexOptions.IgnoreCase) })).ClickAsync();

        await SeeAsync(Chat(), "Sorry that didn");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Books_a_free_consult_through_the_card_form()
    {
        await OpenChatAsync();
        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Book a free consult" })).ClickAsync();
        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Fill in a short form" })).ClickAsync();

        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).FillAsync("Dana Smith");
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Phone number or email" })).FillAsync("dana.smith@example.com");
        await Visible(Chat().GetByRole(AriaRole.Radio, new() { Name = "Online (video)" })).CheckAsync();
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "What hurts? (optional)" })).FillAsync("Sore wrist from typing");
        await Visible(Chat().GetByRole(AriaRole.Checkbox, new() { Name = "By sending this request you agree" })).CheckAsync();
        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Send my request" })).ClickAsync();

        var confirmation = await SeeAsync(Chat(), ReferencePattern());
        output.WriteLine(await confirmation.InnerTextAsync());
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "desktop-consult-booked.png"), FullPage = true });
        NoConsoleErrors();
    }

    [Fact]
    public async Task Keeps_the_conversation_when_the_visitor_moves_to_another_page()
    {
        await OpenChatAsync();
        await AskAsync("Book a free consult");
        await Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Answer a few questions" })).ClickAsync();
        await SeeAsync(Chat(), "your name?");
        await AskAsync("Dana Smith");
        await SeeAsync(Chat(), "How can the clinic reach you?");

        await _page.ReloadAsync();
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), "How can the clinic reach you?");
        await AskAsync("416 555 0199");

        await SeeAsync(Chat(), "by phone call or online (video)?");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Fills_a_phone_sized_screen_and_closes_with_Escape()
    {
        await _page.SetViewportSizeAsync(390, 844);
        await _page.GotoAsync(browser.Server.BaseUrl + "/");

        await Launcher().FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await SeeAsync(Chat(), WelcomeText);

        var panel = await _page.Locator("#artbot-panel").BoundingBoxAsync();
        Assert.Equal((0f, 0f, 390f, 844f), (panel!.X, panel.Y, panel.Width, panel.Height));
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "phone-welcome.png") });

        await _page.GetByRole(AriaRole.Button, new() { Name = "Close the chat" }).FocusAsync();
        await _page.Keyboard.PressAsync("Escape");
        Assert.True(await _page.Locator("#artbot-panel").IsHiddenAsync());
        Assert.True(await Launcher().EvaluateAsync<bool>("element => element === document.activeElement"));
    }

    [Fact]
    public async Task Downloads_Web_Chat_only_when_the_chat_opens_and_compressed()
    {
        var downloads = new List<IResponse>();
        _page.Response += (_, response) => downloads.Add(response);

        await _page.GotoAsync(browser.Server.BaseUrl + "/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var beforeOpening = await TransferredBytesAsync(downloads);
        Assert.DoesNotContain(downloads, response => response.Url.Contains("webchat.js"));

        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var webChat = downloads.Single(response => response.Url.EndsWith("/lib/webchat/webchat.js"));
        var total = await TransferredBytesAsync(downloads);

        output.WriteLine($"Clinic page before opening the chat: {beforeOpening / 1024.0:0.0} KiB; with the chat open: {total / 1024.0:0} KiB " +
            $"(Web Chat {await webChat.HeaderValueAsync("content-encoding")}: {(await webChat.Request.SizesAsync()).ResponseBodySize / 1024.0:0} KiB)");
        Assert.True(beforeOpening < 30 * 1024, $"The page alone downloads {beforeOpening} bytes.");
        Assert.Equal("br", await webChat.HeaderValueAsync("content-encoding"));
        Assert.True(total < 1024 * 1024, $"Opening the chat downloads {total} bytes.");
    }

    [Fact]
    public async Task Serves_the_full_page_chat_at_chat()
    {
        await _page.GotoAsync(browser.Server.BaseUrl + "/chat");

        await SeeAsync(_page, WelcomeText);
        await Assertions.Expect(_page.Locator(".chat-header")).ToBeVisibleAsync();
        NoConsoleErrors();
    }

    /// <summary>No script error, failed load or Content Security Policy violation in the page or the chat frame.</summary>
    private void NoConsoleErrors() => Assert.True(_consoleErrors.Count == 0, string.Join("\n", _consoleErrors));

    private const string LauncherName = "Questions about ART? Open the chat with ArtBot";

    // By class, not role: once the panel is open the launcher is hidden, and hidden elements have no role.
    private ILocator Launcher() => _page.Locator("button.artbot-launcher");

    private static ILocator Visible(ILocator matches) => matches.Filter(new() { Visible = true }).First;

    private IFrameLocator Chat() => _page.FrameLocator("iframe[title='ArtBot chat']");

    private async Task OpenChatAsync()
    {
        await _page.GotoAsync(browser.Server.BaseUrl + "/");
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
    }

    /// <summary>Waits until the text is on screen. (Web Chat repeats messages for screen readers, off screen.)</summary>
    private static async Task<ILocator> SeeAsync(ILocator within, string text) => await VisibleAsync(within.GetByText(text));

    private static async Task<ILocator> SeeAsync(IFrameLocator within, string text) => await VisibleAsync(within.GetByText(text));

    private static async Task<ILocator> SeeAsync(IFrameLocator within, Regex text) => await VisibleAsync(within.GetByText(text));

    private static async Task<ILocator> SeeAsync(IPage page, string text) => await VisibleAsync(page.GetByText(text));

    private static async Task<ILocator> VisibleAsync(ILocator matches)
    {
        var match = matches.Filter(new() { Visible = true }).First;
        await match.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        return match;
    }

    private static async Task<long> TransferredBytesAsync(IEnumerable<IResponse> responses)
    {
        long total = 0;
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        return total;
    }

    private async Task AskAsync(string question)
    {
        // Web Chat's send box; the consult form in the transcript has text boxes of its own.
        var input = Chat().Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }

    [GeneratedRegex(@"Your reference is ART-[2-9A-HJ-NP-Z]{4}")]
    private static partial Regex ReferencePattern();
}
