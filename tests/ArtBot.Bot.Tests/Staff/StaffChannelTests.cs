using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Where tickets go: the channel the app was installed in, until staff say "post consult requests here" in another.</summary>
public sealed class StaffChannelTests
{
    [Fact]
    public async Task Installing_the_app_picks_the_channel_and_post_consult_requests_here_moves_new_tickets()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings(new() { ["Staff:TeamId"] = "staff-team" }));
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").InstallAsync();
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", channel: "front-desk").SayAsync("post consult requests here");
        await StaffSetUp.BookOnTheWebsiteAsync(app, "channel-1");
        await teams.WaitUntilAsync(connector => connector.Created.Any());

        Assert.Contains("will be posted in this channel", (string?)teams.Sent.First().Body["text"]);
        Assert.Contains(teams.Sent, sent => ((string?)sent.Body["text"] ?? "").StartsWith("Done: new consult requests will be posted in this channel", StringComparison.Ordinal));
        Assert.Equal("19:staff-team-front-desk@thread.tacv2", (string?)Assert.Single(teams.Created)["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task Without_a_staff_team_set_nobody_can_move_where_the_tickets_go()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").InstallAsync();
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", team: "some-other-team", channel: "random").SayAsync("post consult requests here");
        await StaffSetUp.BookOnTheWebsiteAsync(app, "channel-2");
        await StaffSetUp.DrainStaffOutboxAsync(app);

        Assert.Contains(teams.Sent, sent => (string?)sent.Body["text"] == Bot.Staff.StaffCommands.PostHereNeedsTheStaffTeam);
        Assert.Equal("19:staff-team-general@thread.tacv2", (string?)Assert.Single(teams.Created)["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task Without_authentication_tickets_are_never_posted_to_a_Teams_service_on_another_machine()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings(new() { ["Staff:TeamId"] = "staff-team" }));
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").InstallAsync();
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        var elsewhere = new TeamsClient(app.CreateClient(), teams, "clinic-tenant", channel: "front-desk", serviceUrl: "http://0.0.0.0:5690/");
        var moved = await (await elsewhere.SayAsync("post consult requests here")).Content.ReadAsStringAsync();
        var installedElsewhere = await (await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", team: "staff-team", channel: "random", serviceUrl: "http://203.0.113.9/").InstallAsync()).Content.ReadAsStringAsync();
        await StaffSetUp.BookOnTheWebsiteAsync(app, "channel-5");
        await StaffSetUp.DrainStaffOutboxAsync(app);

        Assert.Contains(Bot.Hardening.OutgoingServiceUrls.NotThisMachine, moved);
        Assert.DoesNotContain("will be posted in this channel", installedElsewhere);
        Assert.Equal("19:staff-team-general@thread.tacv2", (string?)Assert.Single(teams.Created)["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task A_requests_details_are_shown_in_a_personal_chat_but_never_in_a_group_chat()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").InstallAsync();
        var reference = await StaffSetUp.BookOnTheWebsiteAsync(app, "channel-3");
        await StaffSetUp.DrainStaffOutboxAsync(app);
        var before = teams.Sent.Count();

        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", team: null, groupChat: true).SayAsync($"consult {reference}");
        await teams.WaitUntilAsync(connector => connector.Sent.Count() > before);
        var inGroup = teams.Sent.Skip(before).Single().Body;
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", team: null).SayAsync($"consult {reference}");
        await teams.WaitUntilAsync(connector => connector.Sent.Count() > before + 1);
        var inPersonalChat = teams.Sent.Skip(before + 1).Single().Body;

        Assert.Equal(Bot.Staff.StaffCommands.DetailsNotInGroupChats, (string?)inGroup["text"]);
        Assert.DoesNotContain("Priya", inGroup.ToString());
        Assert.Contains("Priya Raman", inPersonalChat.ToString());
    }
}
