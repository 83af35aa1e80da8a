using ArtBot.Bot.Storage;
using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>Real Activity JSON posted to the real app's <c>/api/messages</c>, as a channel or curl would.</summary>
public abstract class MessagesEndpointTests(DatabaseProvider database) : IDisposable
{
    private readonly ArtBotApplication _app = new(database: database);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reports_healthy()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Returns_the_answer_in_the_response_when_replies_are_expected()
    {
        var replies = await PostAsync(Message("does active release hurt?"));

        var reply = Assert.Single(replies);
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Contains("not generally painful", (string?)reply["text"]);
        Assert.Equal("is-it-painful", (string?)reply["channelData"]!["artbot"]!["id"]);
        Assert.Equal("conversation-1", (string?)reply["conversation"]!["id"]);
        Assert.Contains("Book a free consult", reply["suggestedActions"]!["actions"]!.Select(action => (string?)action["title"]));
    }

    [Fact]
    public async Task Answers_a_question_with_control_characters_in_it()
    {
        var replies = await PostAsync(Message("does active\u0000 release\u001b hurt?"));

        Assert.Contains("not generally painful", (string?)Assert.Single(replies)["text"]);
    }

    [Fact]
    public async Task An_answer_cites_the_articles_own_words_as_Web_Chat_and_Teams_show_citations()
    {
        var reply = Assert.Single(await PostAsync(Message("does active release hurt?")));

        Assert.EndsWith("[1]\n\n[1]: cite:1 \"Does Active Release Therapy Really Work?\"", (string?)reply["text"]);
        var message = Assert.Single(reply["entities"]!, entity => (string?)entity["type"] == "https://schema.org/Message");
        Assert.Equal(("Message", "https://schema.org", ""), ((string?)message["@type"], (string?)message["@context"], (string?)message["@id"]));
        var claim = Assert.Single(message["citation"]!);
        Assert.Equal(1, (int)claim["position"]!);
        var passages = Bots.ConversationHarness.KnowledgeBase["is-it-painful"].Passages;
        Assert.All(passages, passage => Assert.Contains(passage, (string?)claim["appearance"]!["text"]));
        Assert.Contains(passages[0], File.ReadAllText(Path.Combine(ArtBot.Knowledge.KnowledgeFiles.Default.Directory, "article.txt")));
    }

    [Fact]
    public async Task Welcomes_a_visitor_who_joins()
    {
        var join = Message(null);
        join["type"] = "conversationUpdate";
        join["membersAdded"] = new JArray(new JObject { ["id"] = "visitor-1" });

        var reply = Assert.Single(await PostAsync(join));

        Assert.Equal("welcome", (string?)reply["channelData"]!["artbot"]!["kind"]);
    }

    [Fact]
    public async Task Records_an_unanswered_question_for_review_without_contact_details()
    {
        var reply = Assert.Single(await PostAsync(Message("do you sell gift cards? text me at 416 555 0199")));

        Assert.Equal("fallback", (string?)reply["channelData"]!["artbot"]!["kind"]);
        Assert.Equal("\"do you sell gift cards? text me at [phone]\" (test)", _app.UnansweredQuestions());
    }

    [Fact]
    public async Task Rejects_a_body_that_is_not_an_activity()
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JArray> PostAsync(JObject activity)
    {
        var response = await _app.CreateClient().PostAsync("/api/messages",
            new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    private static JObject Message(string? text) => ActivityJson.Message(text, "conversation-1");
}

public sealed class MessagesEndpointTestsOnSqlite() : MessagesEndpointTests(DatabaseProvider.Sqlite);

public sealed class MessagesEndpointTestsOnPostgreSql() : MessagesEndpointTests(DatabaseProvider.PostgreSQL);
