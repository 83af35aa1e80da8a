using System.Diagnostics;
using System.Net;
using System.Text;
using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Security;

/// <summary>Limits and escaping found weak when ArtBot was attacked from outside: each one held here.</summary>
public sealed class WeakSpotsTests : IDisposable
{
    private readonly ArtBotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Keeps_a_website_chat_conversation_within_its_size_however_much_is_posted()
    {
        var chat = await new DirectLineClient(_app.CreateClient()).StartAsync();
        var large = new string('x', 200_000);
        for (var index = 0; index < 40; index++)
        {
            await chat.PostAsync(new JObject { ["type"] = "event", ["name"] = "noise", ["value"] = large });
        }

        var response = await chat.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(body.Length < 3 * 1024 * 1024, $"one read returned {body.Length:N0} characters");
        Assert.Equal("40", (string?)JObject.Parse(body)["watermark"]);
    }

    [Fact]
    public async Task Counts_every_kind_of_activity_against_a_conversations_rate_limit()
    {
        var client = _app.CreateClient();
        var conversation = "flood-" + Guid.NewGuid().ToString("N");
        for (var index = 0; index < 12; index++)
        {
            await PostAsync(client, Event("noise", conversation));
        }

        var replies = await PostAsync(client, Event("webchat/join", conversation));

        Assert.DoesNotContain("welcome", replies);
    }

    [Fact]
    public async Task Refuses_an_activity_with_thousands_of_entities_before_spending_time_on_it()
    {
        var activity = ActivityJson.Message("<at>x</at> does it hurt");
        activity["entities"] = new JArray(Enumerable.Range(0, 2000).Select(index => new JObject { ["type"] = "mention", ["text"] = "<at>x</at>", ["mentioned"] = new JObject { ["id"] = "x" + index } }));
        var chat = await new DirectLineClient(_app.CreateClient()).StartAsync();

        var stopwatch = Stopwatch.StartNew();
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var throughDirectLine = await chat.PostAsync(new JObject { ["type"] = "message", ["text"] = "hi", ["entities"] = activity["entities"]!.DeepClone() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, throughDirectLine.StatusCode);
    }

    [Theory]
    [InlineData("channelId")]
    [InlineData("type")]
    public async Task Refuses_a_field_that_would_forge_a_log_line(string field)
    {
        var activity = ActivityJson.Message("does it hurt");
        activity[field] = "message\nwarn: ArtBot[0] Forged line";

        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(_app.Logs.Entries, entry => entry.Contains("Forged line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_an_oversized_chunked_body_with_413()
    {
        var body = ActivityJson.Message(new string('a', 300 * 1024)).ToString();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _app.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Reflects_no_unknown_host_into_a_token_or_the_pages_policy()
    {
        var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Is_not_ready_when_the_database_cannot_be_written_and_tells_no_visitor_why()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        // The database file becomes unreachable while the bot runs (as a full or read-only volume would make it).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = Path.Combine(_app.Folder, "artbot.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
        Directory.CreateDirectory(database);

        var ready = await client.GetAsync("/readyz");
        var replies = await PostAsync(client, ActivityJson.Message("does it hurt"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("cannot be written", await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sqlite", replies);
        Assert.DoesNotContain("Exception", replies);
    }

    [Fact]
    public async Task Shows_a_typed_email_domain_as_text_not_as_a_link_or_an_image()
    {
        using var harness = new ConversationHarness();
        await Consult.ConsultFlowTests.StartBooking(harness.Flow())
            .Send("Dana Smith").AssertReply(_ => { })
            .Send("a@[Click](http:evil)")
            .AssertReply(activity =>
            {
                Assert.DoesNotContain("[Click](http", Text(activity));
                Assert.Contains(@"\[Click\]\(http:evil\)", Text(activity));
            })
            .Send("a@![x](http:evil)")
            .AssertReply(activity => Assert.DoesNotContain("![x](", Text(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Stores_what_hurts_without_control_characters_or_direction_overrides()
    {
        using var harness = new ConversationHarness();
        var flow = Consult.ConsultFlowTests.StartBooking(harness.Flow());
        foreach (var answer in new[] { "Dana Smith", "416 555 0199", "Phone call", "Morning", "knee\u0000 pain \u202Eon\u001b[31m stairs", "Yes, I agree", "Confirm" })
        {
            flow = flow.Send(answer).AssertReply(_ => { });
        }
        await flow.StartTestAsync();

        Assert.Equal("knee pain on stairs", Assert.Single(harness.StoredRequests).Request.Concern);
    }

    private static JObject Event(string name, string conversation)
    {
        var activity = ActivityJson.Message(null, conversation);
        activity["type"] = "event";
        activity["name"] = name;
        return activity;
    }

    private static async Task<string> PostAsync(HttpClient client, JObject activity)
    {
        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }
}
