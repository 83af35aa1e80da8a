using ArtBot.Bot.Outbox;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Requests nobody takes are raised, and each morning a digest lists what is open.</summary>
public sealed class StaffRemindersTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-reminders-").FullName;
    private readonly FakeTeamsConnector _teams = new();
    private readonly ManualTime _time = new() { Now = new DateTimeOffset(2026, 11, 28, 12, 30, 0, TimeSpan.Zero) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_request_nobody_claims_for_four_hours_is_raised_once_in_its_thread_and_a_claimed_one_is_not()
    {
        using var app = App(digestTime: "");
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant").AddBotToTeamAsync();
        var waiting = await StaffSetUp.BookOnTheWebsiteAsync(app, "reminder-1");
        var claimed = await StaffSetUp.BookOnTheWebsiteAsync(app, "reminder-2");
        await WaitLettingTimePassAsync(app, () => _teams.Created.Count() == 2);
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant").PressAsync("ticket/claim", new JObject { ["reference"] = claimed, ["version"] = 0 });
        var reminders = app.Services.GetRequiredService<StaffReminders>();

        await reminders.RunOnceAsync(CancellationToken.None);
        _time.Now += TimeSpan.FromHours(4.5);
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        await StaffSetUp.DrainStaffOutboxAsync(app);

        var raised = Assert.Single(_teams.Sent, sent => (string?)sent.Body["text"] == TicketCard.UnclaimedNote);
        var thread = (await app.Services.GetRequiredService<IStaffTickets>().FindAsync(waiting, CancellationToken.None))!.ThreadConversationId!;
        Assert.Contains($"/v3/conversations/{thread}/activities", Uri.UnescapeDataString(raised.Path));
    }

    [Fact]
    public async Task Each_morning_a_digest_lists_the_open_requests_once()
    {
        using var app = App(digestTime: "08:00");
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant").AddBotToTeamAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "digest-1");
        await WaitLettingTimePassAsync(app, () => _teams.Created.Any());
        var reminders = app.Services.GetRequiredService<StaffReminders>();

        await reminders.RunOnceAsync(CancellationToken.None);
        var beforeEight = _teams.Created.Count();
        _time.Now += TimeSpan.FromHours(1);
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        await StaffSetUp.DrainStaffOutboxAsync(app);

        Assert.Equal(1, beforeEight);
        var digest = Assert.Single(_teams.Created.Skip(1)).ToString();
        Assert.Contains("Open consult requests: 1", digest);
        Assert.Contains(reference, digest);
    }

    /// <summary>
    /// Waits until the tickets reached Teams and the outbox recorded them, moving the test's clock on a second at a time:
    /// a post that had to be retried is due again only when time has passed (by at most a few seconds, so no reminder
    /// falls due on the way). The fake connector sees a post before the bot has its reply, and an entry still being sent
    /// when the test then moves the clock by hours would be past its lease and sent again.
    /// </summary>
    private async Task WaitLettingTimePassAsync(ArtBotApplication app, Func<bool> posted)
    {
        var outbox = app.Services.GetRequiredService<IOutbox>();
        for (var second = 0; !posted() || await outbox.CountUnsentAsync(OutboxDestination.Teams, CancellationToken.None) > 0; second++)
        {
            Assert.True(second < 10, "The tickets never reached the fake Teams connector.");
            _time.Now += TimeSpan.FromSeconds(1);
            await Task.Delay(500);
        }
    }

    /// <summary>07:30 in Toronto when the test starts: the digest is due at 08:00 there.</summary>
    private ArtBotApplication App(string digestTime) => new(StaffSetUp.Settings(new()
    {
        ["Staff:DigestTime"] = digestTime,
        ["Staff:TimeZone"] = "America/Toronto",
        ["Staff:OutboxInterval"] = "00:00:00.200",
    }), folder: _folder, testServices: services => services.AddSingleton<TimeProvider>(_time));
}
