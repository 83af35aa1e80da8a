using Microsoft.Playwright;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>The clinic's optional greeting by the chat button (<c>Widget:GreetingAfterSeconds</c>): shown once a visitor has lingered, once per visit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GreetingTests(BrowserFixture browser) : VisitorPage(browser)
{
    private const string Greeting = "Hi! Questions about Active Release Therapy? Ask me here.";

    [Fact]
    public async Task A_visitor_who_lingers_is_greeted_once_and_the_greeting_opens_the_chat()
    {
        using var server = new LiveBotServer(new Dictionary<string, string> { ["Widget:GreetingAfterSeconds"] = "1" });
        await Page.GotoAsync(server.BaseUrl + "/");

        var greeting = Page.GetByRole(AriaRole.Button, new() { Name = Greeting });
        await Assertions.Expect(greeting).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await greeting.ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        await Assertions.Expect(greeting).ToHaveCountAsync(0);

        // The next page of the same visit: the chat is preloaded again, and a second longer than the greeting's wait passes.
        var chatLoaded = ChatScriptLoaded();
        await Page.ReloadAsync();
        await chatLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(2000);
        Assert.Equal(0, await Page.Locator(".artbot-greeting").CountAsync());
        NoConsoleErrors();
    }

    [Fact]
    public async Task Without_the_setting_no_greeting_appears()
    {
        var chatLoaded = ChatScriptLoaded();
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");
        await chatLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(1500);

        Assert.Equal(0, await Page.Locator(".artbot-greeting").CountAsync());
    }

    /// <summary>Completes when the preloaded chat's script has arrived: the chat then tells the widget the clinic's setting.</summary>
    private Task ChatScriptLoaded()
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/chat.js", StringComparison.Ordinal))
            {
                loaded.TrySetResult();
            }
        };
        return loaded.Task;
    }
}
