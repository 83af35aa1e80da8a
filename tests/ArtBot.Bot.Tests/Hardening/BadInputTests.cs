using System.Net;
using System.Text;
using ArtBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hardening;

/// <summary>Bad input gets a clear answer and never a 500: broken requests over HTTP, odd messages in the chat.</summary>
public sealed class BadInputTests(AppPerTestClass shared) : IClassFixture<AppPerTestClass>
{
    private readonly ArtBotApplication _app = shared.App;

    [Theory]
    [InlineData("conversation", "no conversation id")]
    [InlineData("serviceUrl", "no serviceUrl")]
    [InlineData("type", "no type")]
    public async Task Refuses_an_activity_missing_a_required_field_with_400_and_the_reason(string field, string reason)
    {
        var activity = Message("hello");
        activity.Remove(field);

        var response = await PostAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refuses_text_that_is_not_a_string()
    {
        var activity = Message("x");
        activity["text"] = new JObject { ["html"] = "<b>hi</b>" };

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(activity.ToString())).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_body_over_the_size_limit_with_413()
    {
        var activity = Message("hi");
        activity["channelData"] = new JObject { ["padding"] = new string('x', 300 * 1024) };

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(activity.ToString())).StatusCode);
    }

    [Fact]
    public async Task Politely_refuses_a_20000_character_message()
    {
        var replies = await RepliesAsync(Message(new string('a', 20_000)));

        var reply = Assert.Single(replies);
        Assert.Contains("too long", (string?)reply["text"]);
    }

    [Fact]
    public async Task Says_it_can_only_read_text_when_sent_only_an_image()
    {
        var activity = Message(null);
        activity["attachments"] = new JArray(new JObject { ["contentType"] = "image/jpeg", ["contentUrl"] = "https://example.org/knee.jpg" });

        var reply = Assert.Single(await RepliesAsync(activity));

        Assert.Contains("I can only read text", (string?)reply["text"]);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task Ignores_activity_types_it_does_not_handle(string type)
    {
        var activity = Message(null);
        activity["type"] = type;

        Assert.Empty(await RepliesAsync(activity));
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("   ")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("**bold** [link](javascript:alert(1))")]
    public async Task Answers_odd_messages_with_exactly_one_reply(string text)
    {
        var reply = Assert.Single(await RepliesAsync(Message(text)));

        Assert.NotNull(reply["channelData"]?["artbot"]?["kind"]);
        Assert.DoesNotContain("<script>", (string?)reply["text"]);
    }

    private async Task<JArray> RepliesAsync(JObject activity)
    {
        var response = await PostAsync(activity.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _app.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    private static JObject Message(string? text) => ActivityJson.Message(text);
}
