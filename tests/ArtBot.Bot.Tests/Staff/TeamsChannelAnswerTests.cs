using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Staff asking the FAQ in a Teams channel see the answer, with its buttons on a card, since channels show no suggested actions.</summary>
public sealed class TeamsChannelAnswerTests
{
    [Fact]
    public async Task An_at_mentioned_question_in_a_channel_is_answered_with_its_buttons_on_a_card()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());

        await new TeamsClient(app.CreateClient(), teams, "clinic-tenant").SayAsync("does ART hurt?");
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        var answer = Assert.Single(teams.Sent).Body;
        Assert.Contains("not generally painful", (string?)answer["text"]);
        Assert.Null(answer["suggestedActions"]);
        var card = Assert.Single(answer["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)card["contentType"]);
        Assert.Contains("Book a free consult", card["content"]!["buttons"]!.Select(button => (string?)button["title"]));
    }
}
