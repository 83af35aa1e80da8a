using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>A visitor on the clinic's page, in a real browser: the widget, a question, a suggested action, a citation, a vote, a page change.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatWidgetTests(BrowserFixture browser, ITestOutputHelper output) : VisitorPage(browser)
{
    [Fact]
    public async Task Shows_the_welcome_as_soon_as_the_widget_opens()
    {
        var loaded = Stopwatch.StartNew();
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");
        Assert.Equal("Does Active Release Therapy Really Work?", await Page.Locator("h1").InnerTextAsync());

        await Assertions.Expect(Launcher()).ToHaveAccessibleNameAsync(LauncherName);
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        output.WriteLine($"Page load to welcome: {loaded.ElapsedMilliseconds} ms");

        Assert.Equal("true", await Launcher().GetAttributeAsync("aria-expanded"));
        await Assertions.Expect(Visible(Chat().GetByRole(AriaRole.Button, new() { Name = "Book a free consult" }))).ToBeVisibleAsync();
        await ScreenshotAsync("desktop-welcome.png");
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
        await ScreenshotAsync("desktop-answer.png");
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
        await ScreenshotAsync("desktop-citation.png");

        // Escape closes the passage first; the chat stays open.
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(passage).ToBeHiddenAsync();
        await Assertions.Expect(Panel()).ToBeVisibleAsync();
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
    public async Task Fetches_Web_Chat_compressed_once_the_page_has_loaded_and_starts_a_conversation_only_when_the_chat_opens()
    {
        var downloads = new List<IResponse>();
        var tokenRequests = 0;
        var webChatArrived = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Response += (_, response) =>
        {
            downloads.Add(response);
            if (response.Url.EndsWith("/lib/webchat/webchat.js", StringComparison.Ordinal))
            {
                webChatArrived.TrySetResult(response);
            }
        };
        Page.Request += (_, request) => tokenRequests += request.Url.EndsWith("/api/directline/token", StringComparison.Ordinal) ? 1 : 0;

        await Page.GotoAsync(Browser.Server.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Load });
        // The browser's own clock decides "after the load event": on a busy machine the response events reach the test
        // late, so a bundle fetched after the load event can already be among them when GotoAsync returns.
        var withThePage = downloads.Where(response => !response.Url.Contains("webchat.js")).ToList();
        var pageAlone = await TransferredBytesAsync(withThePage);

        // Idle after loading, the widget loads the chat hidden: Web Chat's bundle arrives before the visitor asks for it.
        var webChat = await webChatArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var pageLoaded = await Page.EvaluateAsync<double>("() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart");
        var webChatRequested = await webChat.Frame.EvaluateAsync<double>(
            "() => performance.timeOrigin + performance.getEntriesByType('resource').find(entry => entry.name.endsWith('/lib/webchat/webchat.js')).startTime");
        Assert.True(webChatRequested >= pageLoaded, $"Web Chat was requested {pageLoaded - webChatRequested:0} ms before the page's load event.");
        Assert.Equal(0, tokenRequests);

        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var total = await TransferredBytesAsync(downloads);

        output.WriteLine($"Clinic page until its load event: {pageAlone / 1024.0:0.0} KiB; with the chat open: {total / 1024.0:0} KiB " +
            $"(Web Chat {await webChat.HeaderValueAsync("content-encoding")}: {(await webChat.Request.SizesAsync()).ResponseBodySize / 1024.0:0} KiB)");
        Assert.True(pageAlone < 30 * 1024, $"The page alone downloads {pageAlone} bytes.");
        Assert.Equal("br", await webChat.HeaderValueAsync("content-encoding"));
        Assert.Single(downloads, response => response.Url.EndsWith("/lib/webchat/webchat.js"));
        Assert.Equal(1, tokenRequests);
        Assert.True(total < 1024 * 1024, $"Opening the chat downloads {total} bytes.");
        NoConsoleErrors();
    }

    [Fact]
    public async Task The_panel_shows_a_placeholder_at_once_and_the_chat_replaces_it()
    {
        // Web Chat's script held back, as on a slow connection (the preload too): the panel must not stay blank meanwhile.
        var release = new TaskCompletionSource();
        await Page.Context.RouteAsync("**/lib/webchat/webchat.js", async route => { await release.Task; await route.ContinueAsync(); });
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");

        await Launcher().ClickAsync();

        var placeholder = Page.Locator(".artbot-placeholder");
        await Assertions.Expect(placeholder).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Assertions.Expect(placeholder).ToContainTextAsync("I\u2019m ArtBot");
        release.SetResult();
        await SeeAsync(Chat(), WelcomeText);
        await Assertions.Expect(placeholder).ToBeHiddenAsync();
        NoConsoleErrors();
    }

    [Fact]
    public async Task A_reply_that_arrives_while_the_chat_is_closed_puts_a_badge_on_the_button_until_it_opens()
    {
        await OpenChatAsync();
        // The question reaches the bot a second late, so its answer arrives after the visitor has closed the chat.
        await Page.Context.RouteAsync("**/v3/directline/conversations/*/activities", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Task.Delay(1500);
            }
            await route.ContinueAsync();
        });
        await AskAsync("does ART hurt?");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Panel()).ToBeHiddenAsync();

        var badge = Page.Locator(".artbot-badge");
        await Assertions.Expect(badge).ToHaveTextAsync("1");
        await Assertions.Expect(Launcher()).ToHaveAccessibleNameAsync(LauncherName + " (1 new reply)");
        await Launcher().ClickAsync();
        await Assertions.Expect(badge).ToBeHiddenAsync();
        await SeeAsync(Chat(), "not generally painful");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Serves_the_full_page_chat_at_chat()
    {
        await Page.GotoAsync(Browser.Server.BaseUrl + "/chat");

        await SeeAsync(Page, WelcomeText);
        await Assertions.Expect(Page.Locator(".chat-header")).ToBeVisibleAsync();
        NoConsoleErrors();
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
}
