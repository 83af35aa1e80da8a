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
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").InstallAsync();
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant", channel: "front-desk").SayAsync("post consult requests here");
        await StaffSetUp.BookOnTheWebsiteAsync(app, "channel-1");
        await teams.WaitUntilAsync(connector => connector.Created.Any());

        Assert.Contains("will be posted in this channel", (string?)teams.Sent.First().Body["text"]);
        Assert.Contains(teams.Sent, sent => ((string?)sent.Body["text"] ?? "").StartsWith("Done: new consult requests will be posted in this channel", StringComparison.Ordinal));
        Assert.Equal("19:staff-team-front-desk@thread.tacv2", (string?)Assert.Single(teams.Created)["channelData"]!["channel"]!["id"]);
    }
}
