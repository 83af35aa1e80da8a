using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Unanswered;
using ArtBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Staff see what patients asked that the article did not answer, similar wordings together, and teach the bot.</summary>
public sealed class UnansweredReviewTests
{
    [Fact]
    public async Task Unanswered_groups_similar_questions_most_asked_first_and_teach_keeps_one_for_training()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var patient = new BotConversationClient(app.CreateClient(), "unanswered-1", channelId: "webchat");
        foreach (var question in new[] { "do you sell gift cards", "can I buy a gift card for my mum", "Do you sell gift cards?", "can you recommend a good yoga studio nearby" })
        {
            await patient.SayAsync(question);
        }
        var staff = new TeamsClient(app.CreateClient(), teams, "clinic-tenant");

        await staff.SayAsync("unanswered");
        await teams.WaitUntilAsync(connector => connector.Sent.Any());
        var card = Assert.Single(Assert.Single(teams.Sent).Body["attachments"]!)["content"]!;
        var taught = await staff.PressAsync(UnansweredReview.TeachVerb, new JObject { ["question"] = "do you sell gift cards", ["input"] = "intent-0", ["intent-0"] = UnansweredReview.OutOfScope });

        var groups = card["body"]!.Where(element => (string?)element["type"] == "TextBlock" && ((string?)element["text"] ?? "").Contains('×')).Select(element => (string)element["text"]!).ToList();
        Assert.True(groups.Count > 0 && groups[0].StartsWith("**3×**", StringComparison.Ordinal), string.Join(" | ", groups));
        Assert.Contains("gift card", groups[0]);
        Assert.Equal(2, groups.Count);
        Assert.Contains("yoga studio", groups[1]);
        Assert.Contains("will be taught", (string?)taught["value"]);
        Assert.Equal([("none", "do you sell gift cards")], await app.Services.GetRequiredService<IReviewedUtterances>().ListAsync(CancellationToken.None));
    }
}
