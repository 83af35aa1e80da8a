using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Knowledge.Content;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Every article answer asked in Teams reaches Teams, its citation in the form Teams takes.</summary>
public sealed class TeamsCitationTests
{
    private static readonly KnowledgeBase Knowledge = ConversationHarness.KnowledgeBase;

    /// <summary>The article's topics that answer with a citation (the consult's starts the booking instead).</summary>
    private static readonly IReadOnlyList<KnowledgeEntry> CitedTopics =
        [.. Knowledge.Entries.Where(entry => entry.IsArticleTopic && entry.Passages.Count > 0 && entry.Id != KnowledgeBase.ConsultEntryId)];

    [Fact]
    public void Several_topics_quote_a_first_passage_longer_than_Teams_takes_as_an_abstract()
    {
        Assert.True(CitedTopics.Count(entry => entry.Passages[0].Length > TeamsMessageRules.MaxAbstract) >= 4);
    }

    [Fact]
    public async Task Every_article_answer_asked_in_Teams_is_accepted_with_a_citation_Teams_can_show()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var person = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant, team: null);

        foreach (var entry in CitedTopics)
        {
            await person.SayAsync(entry.Title);
            await teams.WaitUntilAsync(connector => AnswerTo(connector, entry) is not null || !connector.Rejected.IsEmpty);

            Assert.Empty(teams.Rejected.Select(refused => $"{entry.Id}: {string.Join("; ", refused.Broken)}"));
            AssertCitesInTeamsForm(AnswerTo(teams, entry)!, entry);
        }
    }

    private static JObject? AnswerTo(FakeTeamsConnector teams, KnowledgeEntry entry) =>
        teams.Sent.Select(sent => sent.Body).FirstOrDefault(body => (string?)body["channelData"]?["artbot"]?["id"] == entry.Id);

    private static void AssertCitesInTeamsForm(JObject answer, KnowledgeEntry entry)
    {
        Assert.EndsWith("[1]", (string?)answer["text"]);
        var message = answer["entities"]!.Single(entity => (string?)entity["type"] == "https://schema.org/Message");
        Assert.Null(message["potentialAction"]);
        var appearance = Assert.Single(message["citation"]!)["appearance"]!;
        Assert.Equal(Knowledge.Document.Source.Title, (string?)appearance["name"]);
        var summary = (string)appearance["abstract"]!;
        Assert.InRange(summary.Length, 1, TeamsMessageRules.MaxAbstract);
        Assert.StartsWith(summary.TrimEnd('…'), entry.Passages[0]);
        var card = JObject.Parse((string)appearance["text"]!);
        Assert.Equal(entry.Passages, card["body"]!.Select(block => (string)block["text"]!));
    }
}
