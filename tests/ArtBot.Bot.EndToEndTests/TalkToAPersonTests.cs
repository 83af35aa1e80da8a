using Microsoft.Playwright;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>
/// "Can I talk to someone?" in the widget: an honest answer, the clinic's number as a link a phone can call, and
/// whether the clinic is open now or when it opens. Each test runs its own server with the clinic's hours set around
/// this moment, in a time zone where it is about noon, so the answer does not depend on when the tests run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TalkToAPersonTests(BrowserFixture browser) : VisitorPage(browser)
{
    [Fact]
    public async Task While_the_clinic_is_open_the_answer_gives_its_number_to_tap_and_says_until_when()
    {
        var (zone, today) = AboutNoonSomewhere();
        using var server = new LiveBotServer(Hours(zone, (today, "08:00-18:00")));

        await OpenChatAsync(server.BaseUrl);
        await AskAsync("can i talk to someone");

        await SeeAsync(Chat(), "The clinic is open now, until 18:00");
        await SeeAsync(Chat(), "automated assistant");
        var call = Visible(Chat().GetByRole(AriaRole.Link, new() { Name = "+1 416-555-0100" }));
        Assert.Equal("tel:+14165550100", await call.GetAttributeAsync("href"));
        await ScreenshotAsync("desktop-talk-to-a-person-open.png");
        NoConsoleErrors();
    }

    [Fact]
    public async Task While_the_clinic_is_closed_the_answer_says_when_it_opens()
    {
        var (zone, today) = AboutNoonSomewhere();
        using var server = new LiveBotServer(Hours(zone, (today, "06:00-07:00"), (Next(today), "08:30-17:00")));

        await OpenChatAsync(server.BaseUrl);
        await AskAsync("are you a real person?");

        await SeeAsync(Chat(), "The clinic is closed now; it opens tomorrow at 8:30");
        Assert.Equal("tel:+14165550100", await Visible(Chat().GetByRole(AriaRole.Link, new() { Name = "+1 416-555-0100" })).GetAttributeAsync("href"));
        await ScreenshotAsync("desktop-talk-to-a-person-closed.png");
        NoConsoleErrors();
    }

    /// <summary>A fixed-offset zone where it is between 11:00 and 13:00 now, and its weekday there.</summary>
    private static (string Zone, DayOfWeek Today) AboutNoonSomewhere()
    {
        var now = DateTimeOffset.UtcNow;
        var hoursAhead = 12 - now.Hour;
        var zone = hoursAhead switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{hoursAhead}",
            _ => $"Etc/GMT+{-hoursAhead}",
        };
        return (zone, now.ToOffset(TimeSpan.FromHours(hoursAhead)).DayOfWeek);
    }

    private static DayOfWeek Next(DayOfWeek day) => (DayOfWeek)(((int)day + 1) % 7);

    private static Dictionary<string, string> Hours(string zone, params (DayOfWeek Day, string Hours)[] days)
    {
        var settings = new Dictionary<string, string> { ["Staff:TimeZone"] = zone };
        foreach (var (day, hours) in days)
        {
            settings[$"Clinic:OpeningHours:{day.ToString()}"] = hours;
        }
        return settings;
    }
}
