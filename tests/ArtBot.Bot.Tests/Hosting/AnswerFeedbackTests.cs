using System.Text;
using ArtBot.Bot.Observability;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>Thumbs up and down on an answer, as Web Chat sends them: counted per answer, and a thumbs-down offers the consult.</summary>
public sealed class AnswerFeedbackTests : IDisposable
{
    private readonly ArtBotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_answer_offers_thumbs_and_a_thumbs_down_is_counted_and_offers_the_consult()
    {
        var answer = Assert.Single(await PostAsync(ActivityJson.Message("does active release hurt?", "feedback-1")));
        var actions = Assert.Single(answer["entities"]!, entity => (string?)entity["type"] == "https://schema.org/Message")["potentialAction"]!;
        var dislike = actions.Single(action => (string?)action["@type"] == "DislikeAction");
        var like = actions.Single(action => (string?)action["@type"] == "LikeAction");

        var afterDislike = await PostAsync(Vote(dislike));
        var afterLike = await PostAsync(Vote(like));
        await _app.Services.GetRequiredService<TurnCounts>().FlushAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await _app.Services.GetRequiredService<IDailyCounts>().SinceAsync(today, CancellationToken.None);

        var offer = Assert.Single(afterDislike);
        Assert.Contains("free consult", (string?)offer["text"]);
        Assert.Equal(["Book a free consult"], offer["suggestedActions"]!["actions"]!.Select(action => (string?)action["title"]));
        Assert.Empty(afterLike);
        Assert.Equal(1, counts[new DailyCountKey(today, "feedback", "is-it-painful:dislike")]);
        Assert.Equal(1, counts[new DailyCountKey(today, "feedback", "is-it-painful:like")]);
        Assert.Contains(await PostAsync(ActivityJson.Message("yes", "feedback-1")), reply => (string?)reply["channelData"]?["artbot"]?["step"] == "intro");
    }

    [Fact]
    public async Task Thumbs_down_on_several_answers_offers_the_consult_once()
    {
        var offers = 0;
        foreach (var question in new[] { "does active release hurt?", "what are adhesions", "is ART better than massage" })
        {
            var answer = Assert.Single(await PostAsync(ActivityJson.Message(question, "feedback-2")));
            var dislike = Assert.Single(answer["entities"]!, entity => (string?)entity["type"] == "https://schema.org/Message")["potentialAction"]!
                .Single(action => (string?)action["@type"] == "DislikeAction");
            offers += (await PostAsync(Vote(dislike, "feedback-2"))).Count(reply => ((string?)reply["text"])?.Contains("free consult", StringComparison.Ordinal) == true);
        }

        Assert.Equal(1, offers);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(0)]
    public async Task A_vote_naming_no_entry_of_the_knowledge_base_counts_nothing(int padding)
    {
        var entry = padding > 0 ? new string('x', padding) : "CALL 416-555-0100 NOW re patient ART-7C39 - Dr. Mallory";
        var forged = new JObject { ["@type"] = "DislikeAction", ["@id"] = $"artbot:feedback:{entry}:dislike" };
        var nul = new JObject { ["@type"] = "LikeAction", ["@id"] = "artbot:feedback:is-it\u0000painful:like" };

        await PostAsync(Vote(forged));
        await PostAsync(Vote(nul));
        await _app.Services.GetRequiredService<TurnCounts>().FlushAsync(CancellationToken.None);
        var counts = await _app.Services.GetRequiredService<IDailyCounts>().SinceAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);

        Assert.DoesNotContain(counts.Keys, key => key.Metric == "feedback");
    }

    /// <summary>The event Web Chat posts when a thumb is pressed: the action itself, as the answer offered it.</summary>
    private static JObject Vote(JToken action, string conversation = "feedback-1")
    {
        var vote = ActivityJson.Message(null, conversation);
        vote["type"] = "event";
        vote.Remove("text");
        vote["name"] = "webchat:activity-status/feedback";
        vote["entities"] = new JArray(action.DeepClone());
        return vote;
    }

    private async Task<JArray> PostAsync(JObject activity)
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : (JArray?)JObject.Parse(body)["activities"] ?? [];
    }
}
