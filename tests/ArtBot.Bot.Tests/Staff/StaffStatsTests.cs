using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Staff's <c>stats</c>: the last 14 days in numbers and a chart small enough for a Teams message.</summary>
public sealed class StaffStatsTests
{
    [Fact]
    public async Task Stats_counts_the_days_messages_answers_fallbacks_bookings_and_time_to_claim_and_draws_them()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var staff = new TeamsClient(app.CreateClient(), teams, "clinic-tenant");
        await staff.AddBotToTeamAsync();
        var patient = new BotConversationClient(app.CreateClient(), "stats-1", channelId: "webchat");
        JArray replies = [];
        foreach (var text in new[] { "does ART hurt?", "do you sell gift cards", "Book a free consult", "Answer a few questions", "Priya Raman", "647 555 0142", "Phone call", "Evening", "Sore knee", "Yes, I agree", "Confirm" })
        {
            replies = await patient.SayAsync(text);
        }
        var reference = (string)replies.Last()["channelData"]!["artbot"]!["reference"]!;
        await staff.PressAsync("ticket/claim", new JObject { ["reference"] = reference, ["version"] = 0 });

        await staff.SayAsync("stats");
        await teams.WaitUntilAsync(connector => connector.Sent.Any(sent => sent.Body.ToString().Contains("last 14 days", StringComparison.Ordinal)));

        var message = teams.Sent.Last(sent => sent.Body.ToString().Contains("last 14 days", StringComparison.Ordinal)).Body;
        var card = message["attachments"]![0]!["content"]!;
        var facts = card.SelectTokens("body[*].facts[*]").ToDictionary(fact => (string)fact["title"]!, fact => (string)fact["value"]!);
        Assert.StartsWith("11 ", facts["Messages"]);
        Assert.Equal("9 %", facts["Answered from the article"]);
        Assert.Equal("9 %", facts["Not covered (fallback)"]);
        Assert.Equal("1 (1 today)", facts["Bookings"]);
        Assert.EndsWith("min", facts["Median time to claim"]);
        Assert.Contains($"Most asked: {ArtBot.Bot.Tests.Bots.ConversationHarness.Title("is-it-painful")} 1", card.ToString(), StringComparison.Ordinal);
        var image = (string)card.SelectTokens("body[*]").Single(element => (string?)element["type"] == "Image")["url"]!;
        var png = Convert.FromBase64String(image["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.InRange(message.ToString(Newtonsoft.Json.Formatting.None).Length, 1, 28 * 1024);
    }
}
