using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>
/// In Teams, answers from the article show Teams' own thumbs; a vote is counted for the answer's entry, shown in
/// staff's <c>stats</c>, and a thumbs-down offers the consult, as in Web Chat.
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
}
