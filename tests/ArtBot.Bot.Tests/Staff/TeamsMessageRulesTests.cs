using ArtBot.Bot.Answering;
using ArtBot.Bot.Tests.Bots;
using ArtBot.TestSupport;
using Microsoft.Bot.Connector;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>The rules the fake Teams connector holds the bot to refuse what Teams refuses, and pass what it takes.</summary>
public sealed class TeamsMessageRulesTests
{
    private static readonly Reply Painful = new(ReplyKind.Answer, "It is not generally painful.", [])
    {
        EntryId = "is-it-painful",
        Source = new Citation(ConversationHarness.KnowledgeBase.Document.Source.Title, ConversationHarness.KnowledgeBase["is-it-painful"].Passages),
    };

    [Fact]
    public void A_Web_Chat_citation_is_refused_for_its_cite_line_and_its_long_abstract()
    {
        Assert.True(Painful.Source!.Passages[0].Length > TeamsMessageRules.MaxAbstract);

        var broken = TeamsMessageRules.Broken(Json(ReplyActivities.ToActivity(Painful, Channels.Webchat)));

        Assert.Contains(broken, rule => rule.Contains("cite:", StringComparison.Ordinal));
        Assert.Contains(broken, rule => rule.Contains("abstract is 191 characters", StringComparison.Ordinal));
        Assert.Contains(broken, rule => rule.Contains("encodingFormat", StringComparison.Ordinal));
        Assert.Contains(broken, rule => rule.Contains("citation text is not an Adaptive Card", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_answer_for_Teams_breaks_no_rule()
    {
        Assert.Empty(TeamsMessageRules.Broken(Json(ReplyActivities.ToActivity(Painful, Channels.Msteams))));
    }

    [Fact]
    public void A_message_over_28_KB_is_refused()
    {
        var activity = new JObject { ["type"] = "message", ["text"] = new string('a', TeamsMessageRules.MaxMessageBytes) };

        Assert.Contains(TeamsMessageRules.Broken(activity), rule => rule.Contains("bytes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.6","body":[]}""", "version")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"text":"no type"}]}""", "without a type")]
    [InlineData("""{"type":"HeroCard"}""", "not an Adaptive Card")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"a misspelt element"}]}""", "1.5 schema")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""", "1.5 schema")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.Submit","title":"Go","style":"loud"}]}""", "1.5 schema")]
    public void An_Adaptive_Card_Teams_cannot_render_is_refused(string card, string rule)
    {
        var activity = new JObject { ["type"] = "message", ["attachments"] = new JArray { new JObject { ["contentType"] = TeamsMessageRules.AdaptiveCardType, ["content"] = JObject.Parse(card) } } };

        Assert.Contains(TeamsMessageRules.Broken(activity), broken => broken.Contains(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_20_citations_and_too_many_keywords_are_refused()
    {
        var claims = new JArray(Enumerable.Range(1, 21).Select(position => new JObject
        {
            ["@type"] = "Claim",
            ["position"] = position,
            ["appearance"] = new JObject { ["@type"] = "DigitalDocument", ["name"] = "Doc", ["abstract"] = "Short.", ["keywords"] = new JArray("one", "two", "three", "four") },
        }));
        var activity = new JObject
        {
            ["type"] = "message",
            ["entities"] = new JArray { new JObject { ["type"] = "https://schema.org/Message", ["@type"] = "Message", ["@context"] = "https://schema.org", ["@id"] = "", ["citation"] = claims } },
        };

        var broken = TeamsMessageRules.Broken(activity);

        Assert.Contains(broken, rule => rule.Contains("21 citations", StringComparison.Ordinal));
        Assert.Contains(broken, rule => rule.Contains("keywords", StringComparison.Ordinal));
    }

    /// <summary>The activity as the Bot Connector client sends it: no nulls.</summary>
    private static JObject Json(object activity) =>
        JObject.FromObject(activity, JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
}
