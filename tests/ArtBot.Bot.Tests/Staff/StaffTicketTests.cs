using ArtBot.TestSupport;
using ArtBot.Bot.Hosting;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>
/// A patient books on the website; the clinic's staff see the request in their Teams channel as a ticket and work it
/// there. Teams is a fake connector on loopback; everything else is the real app.
/// </summary>
public sealed class StaffTicketTests : IAsyncLifetime
{

    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-staff-").FullName;
    private readonly FakeTeamsConnector _teams = new();
    private Dictionary<string, string?> _settings = [];

    public Task InitializeAsync()
    {
        _settings = StaffSetUp.Settings(new(TestDatabase.SettingsFor(DatabaseProvider.Sqlite, _folder))
        {
            ["Staff:OutboxInterval"] = "00:00:00.200",
            ["Staff:MaxRetryDelay"] = "00:00:00.400",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        TestDatabase.Delete(_settings, _folder);
    }

    [Fact]
    public async Task A_booking_made_on_the_website_reaches_the_staff_channel_once_as_a_ticket_card()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();

        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "website-1");
        await StaffSetUp.DrainStaffOutboxAsync(app);

        var created = Assert.Single(_teams.Created);
        Assert.Equal("19:staff-team-general@thread.tacv2", (string?)created["channelData"]!["channel"]!["id"]);
        var card = Card(created["activity"]!);
        Assert.Contains($"Consult request {reference}", card);
        Assert.Contains("Priya Raman", card);
        Assert.Contains("(tel:+16475550142)", card);
        Assert.Contains("Unassigned", card);
        Assert.Contains("ticket/claim", card);
        Assert.Contains(_teams.Sent, sent => ((string?)sent.Body["text"] ?? "").Contains("consult requests from patients will be posted in this channel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Claim_updates_the_card_in_place_notes_who_in_its_thread_and_consults_lists_it()
    {
        using var app = App();
        var sam = StaffTeam(app);
        await sam.AddBotToTeamAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "website-2");
        await _teams.WaitUntilAsync(teams => teams.Created.Any());

        var answer = await sam.PressAsync("ticket/claim", new JObject { ["reference"] = reference, ["version"] = 0 });
        await _teams.WaitUntilAsync(teams => teams.Updated.Any() && teams.Sent.Any(sent => sent.Path.Contains("messageid=", StringComparison.Ordinal)));
        await sam.SayAsync("consults");
        await _teams.WaitUntilAsync(teams => teams.Sent.Any(sent => Card(sent.Body).Contains(reference) && Card(sent.Body).Contains("Claimed by")));

        Assert.Contains("Claimed by Sam Lee", answer["value"]!.ToString());
        var (updatedPath, updated) = Assert.Single(_teams.Updated);
        Assert.Single(_teams.Created);
        // The card itself, in its own thread: the message the new conversation started with.
        Assert.Matches(@"messageid=(\d+)/activities/\1$", Uri.UnescapeDataString(updatedPath));
        Assert.Contains("Claimed by Sam Lee", Card(updated));
        Assert.Contains(_teams.Sent, sent => (string?)sent.Body["text"] == "Sam Lee claimed this request.");
    }

    [Fact]
    public async Task Two_staff_claiming_at_once_leave_one_holder_and_the_other_sees_who()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "website-3");

        var presses = await Task.WhenAll(
            StaffTeam(app, "sam", "Sam Lee").PressAsync("ticket/claim", new JObject { ["reference"] = reference, ["version"] = 0 }),
            StaffTeam(app, "alex", "Alex Chen").PressAsync("ticket/claim", new JObject { ["reference"] = reference, ["version"] = 0 }));

        var ticket = await app.Services.GetRequiredService<IStaffTickets>().FindAsync(reference, CancellationToken.None);
        Assert.Equal(TicketStatus.Claimed, ticket!.Status);
        Assert.Equal(1, ticket.Version);
        Assert.All(presses, press => Assert.Contains($"Claimed by {ticket.Holder}", press["value"]!.ToString()));
    }

    [Fact]
    public async Task While_Teams_is_down_or_throttling_the_ticket_waits_and_arrives_once()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();
        _teams.Fail(calls: 3);

        await StaffSetUp.BookOnTheWebsiteAsync(app, "website-4");
        await _teams.WaitUntilAsync(teams => teams.Refused >= 3);
        _teams.Fail(calls: 1, status: 429);
        await StaffSetUp.DrainStaffOutboxAsync(app);

        Assert.Single(_teams.Created);
        Assert.Equal(4, _teams.Refused);
    }

    [Fact]
    public async Task When_Teams_answers_slowly_two_instances_post_each_waiting_ticket_once()
    {
        // Polled once a minute, so the waiting tickets are taken together when the test drains the outbox.
        _settings["Staff:OutboxInterval"] = "00:01:00";
        _settings["Staff:OutboxLease"] = "00:00:06";
        using var first = App();
        using var second = App();
        await StaffTeam(first).AddBotToTeamAsync();
        _teams.Fail(calls: 1000);
        var references = new List<string>();
        for (var booking = 0; booking < 5; booking++)
        {
            references.Add(await StaffSetUp.BookOnTheWebsiteAsync(booking % 2 == 0 ? first : second, $"slow-teams-{booking}"));
        }

        // Teams comes back, taking 1.5 s a post: the first instance takes all five, a batch that would outlast its
        // 6 s lease, and the second keeps asking for what is due.
        _teams.AnswerAfter(TimeSpan.FromSeconds(1.5));
        _teams.Fail(calls: 0);
        var firstSends = StaffSetUp.DrainStaffOutboxAsync(first);
        await Task.Delay(500);
        await Task.WhenAll(firstSends, StaffSetUp.DrainStaffOutboxAsync(second));

        var posted = _teams.Created.Select(created => Card(created["activity"]!)).ToList();
        Assert.All(references, reference => Assert.Single(posted, card => card.Contains($"Consult request {reference}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_ticket_not_yet_posted_when_the_bot_restarts_is_posted_after_it_once()
    {
        // Each failed post doubles the wait before the next; capped at a second, however long the first app runs on a
        // busy machine, the ticket is due again soon after the restart (the drain gives up after 30 s).
        _settings["Staff:MaxRetryDelay"] = "00:00:01";
        string reference;
        using (var before = App())
        {
            await StaffTeam(before).AddBotToTeamAsync();
            _teams.Fail(calls: 1000);
            reference = await StaffSetUp.BookOnTheWebsiteAsync(before, "website-5");
        }
        _teams.Fail(calls: 0);

        using var after = App();
        _ = after.Server;
        await StaffSetUp.DrainStaffOutboxAsync(after);

        Assert.Contains(reference, Card(Assert.Single(_teams.Created)["activity"]!));
    }

    [Fact]
    public async Task Staff_commands_from_the_website_or_another_tenant_are_refused_and_show_nothing()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "website-6");
        var visitor = new BotConversationClient(app.CreateClient(), "website-6b", channelId: "webchat");

        var fromTheWebsite = await visitor.SayAsync("consults");
        await new TeamsClient(app.CreateClient(), _teams, "another-tenant", user: "mallory", userName: "Mallory").SayAsync($"consult {reference}");
        await _teams.WaitUntilAsync(teams => teams.Sent.Any(sent => (string?)sent.Body["text"] == StaffCommands.Refusal));

        Assert.Equal(StaffCommands.Refusal, (string?)Assert.Single(fromTheWebsite)["text"]);
        Assert.DoesNotContain(_teams.Sent, sent => sent.Body.ToString().Contains("Priya", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forget_me_takes_the_patients_details_off_the_card()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();
        var patient = new BotConversationClient(app.CreateClient(), "website-7", channelId: "webchat");
        foreach (var text in StaffSetUp.Booking)
        {
            await patient.SayAsync(text);
        }
        await _teams.WaitUntilAsync(teams => teams.Created.Any());

        await patient.SayAsync("forget me");
        await patient.SayAsync("Yes, delete my data");
        await _teams.WaitUntilAsync(teams => teams.Updated.Any());

        var card = Card(Assert.Single(_teams.Updated).Body);
        Assert.Contains("Deleted on", card);
        Assert.DoesNotContain("Priya", card);
        Assert.DoesNotContain("0142", card);
    }

    [Fact]
    public async Task Forget_me_also_takes_the_details_off_the_copies_staff_opened_in_their_personal_chats()
    {
        using var app = App();
        await StaffTeam(app).AddBotToTeamAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "website-8");
        await _teams.WaitUntilAsync(teams => teams.Created.Any());
        var samInPrivate = new TeamsClient(app.CreateClient(), _teams, StaffSetUp.Tenant, team: null, user: "sam", userName: "Sam Lee");
        var alexInPrivate = new TeamsClient(app.CreateClient(), _teams, StaffSetUp.Tenant, team: null, user: "alex", userName: "Alex Kim");

        await samInPrivate.SayAsync($"consult {reference}");
        await _teams.WaitUntilAsync(teams => teams.Sent.Any(sent => sent.Path.Contains(samInPrivate.Conversation, StringComparison.Ordinal)));
        var typed = _teams.Sent.Single(sent => sent.Path.Contains(samInPrivate.Conversation, StringComparison.Ordinal));
        var opened = await alexInPrivate.PressAsync(TicketActions.ShowVerb, new JObject { ["reference"] = reference }, cardMessageId: "consults-list-of-alex");
        Assert.Contains("Priya Raman", Card(typed.Body) + opened);

        var patient = new BotConversationClient(app.CreateClient(), "website-8", channelId: "webchat");
        await patient.SayAsync("forget me");
        await patient.SayAsync("Yes, delete my data");
        await _teams.WaitUntilAsync(teams => teams.Updated.Count() >= 3);

        Assert.Equal(
            [$"/v3/conversations/{alexInPrivate.Conversation}/activities/consults-list-of-alex", $"/v3/conversations/{samInPrivate.Conversation}/activities/{_teams.IdOf(typed.Body)}"],
            _teams.Updated.Select(update => Uri.UnescapeDataString(update.Path)).Where(path => path.Contains("personal", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(_teams.Updated, update =>
        {
            Assert.Contains("Deleted on", Card(update.Body));
            Assert.DoesNotContain("Priya", update.Body.ToString());
            Assert.DoesNotContain("0142", update.Body.ToString());
        });
    }

    private ArtBotApplication App() => new(new Dictionary<string, string?>(_settings), folder: _folder);

    private TeamsClient StaffTeam(ArtBotApplication app, string user = "sam", string name = "Sam Lee") => new(app.CreateClient(), _teams, StaffSetUp.Tenant, user: user, userName: name);

    /// <summary>The Adaptive Card of an activity, as text.</summary>
    private static string Card(JToken activity) =>
        string.Join("\n", (activity["attachments"] as JArray ?? []).Select(attachment => attachment["content"]?.ToString() ?? ""));
}
