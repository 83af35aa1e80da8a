using System.Net;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>
/// In Teams, answers from the article show Teams' own thumbs; a vote is counted for the answer's entry, shown in
/// staff's <c>stats</c>, and nothing is sent after it (Microsoft's guidance for Teams' feedback loop).
/// </summary>
public sealed class TeamsAnswerFeedbackTests
{
    private const string Answered = "not generally painful";

    [Fact]
    public async Task An_answer_in_Teams_shows_Teams_thumbs_and_keeps_its_own_description()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());

        var answer = await AskAsync(new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant), teams);

        Assert.True((bool?)answer["channelData"]!["feedbackLoopEnabled"]);
        Assert.Equal("is-it-painful", (string?)answer["channelData"]!["artbot"]!["id"]);
    }

    [Fact]
    public async Task A_thumbs_down_in_Teams_is_acknowledged_sends_no_message_and_shows_in_stats()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var staff = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant);
        await staff.AddBotToTeamAsync();
        var answer = await AskAsync(staff, teams);
        var sentBefore = teams.Sent.Count();

        var vote = await staff.VoteAsync(teams.IdOf(answer), "dislike", feedbackText: "Sam Lee here, call me on 647 555 0199");

        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Equal("{}", await vote.Content.ReadAsStringAsync());
        Assert.Equal(sentBefore, teams.Sent.Count());
        var votes = await VotesInStatsAsync(staff, teams);
        Assert.StartsWith("0 up, 1 down", votes);
        Assert.Contains(ArtBot.Bot.Tests.Bots.ConversationHarness.Title("is-it-painful"), votes, StringComparison.Ordinal);
        var state = await ConversationStateAsync(app, staff);
        Assert.Contains("is-it-painful", state, StringComparison.Ordinal);
        Assert.DoesNotContain("647 555 0199", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_on_a_message_the_bot_does_not_know_is_acknowledged_and_changes_nothing()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var staff = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant);
        await staff.AddBotToTeamAsync();
        await AskAsync(staff, teams);
        var sentBefore = teams.Sent.Count();

        var vote = await staff.VoteAsync("a-message-from-someone-else", "dislike");

        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Equal(sentBefore, teams.Sent.Count());
        Assert.StartsWith("0 up, 0 down", await VotesInStatsAsync(staff, teams));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task A_Web_Chat_answer_keeps_Web_Chats_thumbs_and_asks_for_no_Teams_thumbs(string channel)
    {
        using var app = new ArtBotApplication();

        var replies = await new BotConversationClient(app.CreateClient(), "thumbs-" + channel, channelId: channel).SayAsync("does ART hurt?");

        var answer = Assert.Single(replies);
        Assert.Contains(answer["entities"]!, entity => entity["potentialAction"] is JArray);
        Assert.Null(answer["channelData"]!["feedbackLoopEnabled"]);
    }

    private static async Task<JObject> AskAsync(TeamsClient staff, FakeTeamsConnector teams)
    {
        await staff.SayAsync("does ART hurt?");
        await teams.WaitUntilAsync(connector => connector.Sent.Any(sent => ((string?)sent.Body["text"])?.Contains(Answered, StringComparison.Ordinal) == true));
        return teams.Sent.Single(sent => ((string?)sent.Body["text"])?.Contains(Answered, StringComparison.Ordinal) == true).Body;
    }

    /// <summary>The "Votes on answers" line of staff's <c>stats</c>.</summary>
    private static async Task<string> VotesInStatsAsync(TeamsClient staff, FakeTeamsConnector teams)
    {
        await staff.SayAsync("stats");
        await teams.WaitUntilAsync(connector => connector.Sent.Any(sent => sent.Body.ToString().Contains("last 14 days", StringComparison.Ordinal)));
        var card = teams.Sent.Last(sent => sent.Body.ToString().Contains("last 14 days", StringComparison.Ordinal)).Body["attachments"]![0]!["content"]!;
        return (string)card.SelectTokens("body[*].facts[*]").Single(fact => (string?)fact["title"] == "Votes on answers")["value"]!;
    }

    private static async Task<string> ConversationStateAsync(ArtBotApplication app, TeamsClient staff)
    {
        var key = $"msteams/conversations/{staff.Conversation}";
        var stored = await app.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        return JObject.FromObject(stored[key]).ToString();
    }
}
