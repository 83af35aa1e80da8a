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
        await WatchForTheClinicsSettingAsync();
        await Page.GotoAsync(server.BaseUrl + "/");

        var greeting = Page.GetByRole(AriaRole.Button, new() { Name = Greeting });
        await Assertions.Expect(greeting).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await greeting.ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        await Assertions.Expect(greeting).ToHaveCountAsync(0);

        // The next page of the same visit: the chat is preloaded again and tells the widget the setting, and the widget,
        // which sets a greeting up (hidden until its time) the moment it hears it, sets none up.
        await Page.ReloadAsync();
        await TheClinicsSettingArrivedAsync();
        Assert.Equal(0, await Page.Locator(".artbot-greeting").CountAsync());
        NoConsoleErrors();
    }

    [Fact]
    public async Task Without_the_setting_no_greeting_appears()
    {
        await WatchForTheClinicsSettingAsync();
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");
        await TheClinicsSettingArrivedAsync();

        Assert.Equal(0, await Page.Locator(".artbot-greeting").CountAsync());
    }

    /// <summary>
    /// Notes, on every page of this tab, when the preloaded chat posts the clinic's greeting setting to the widget
    /// (<c>artbot:preloaded</c>). Registered before the page's own scripts, so by the time the note is seen the widget's
    /// own listener has handled the same message: whether to greet is then decided, with no waiting to see.
    /// </summary>
    private Task WatchForTheClinicsSettingAsync() => Page.AddInitScriptAsync(
        "window.addEventListener('message', event => { if (event.data && event.data.type === 'artbot:preloaded') { document.documentElement.dataset.settingArrived = 'yes'; } });");

    private Task TheClinicsSettingArrivedAsync() =>
        Page.WaitForFunctionAsync("() => document.documentElement.dataset.settingArrived === 'yes'", null, new() { Timeout = 30_000 });
}
