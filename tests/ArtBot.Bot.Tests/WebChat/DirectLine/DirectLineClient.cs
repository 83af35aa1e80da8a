using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.WebChat.DirectLine;

/// <summary>Speaks Direct Line 3.0 to the app as Web Chat does: a token, a conversation, activities.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; private set; } = "";
    public string ConversationId { get; private set; } = "";
    public string StreamUrl { get; private set; } = "";

    public async Task<DirectLineClient> StartAsync()
    {
        var session = JObject.Parse(await (await http.PostAsync("/api/directline/token", null)).Content.ReadAsStringAsync());
        Token = (string)session["token"]!;
        var conversation = await SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, conversation.StatusCode);
        var body = JObject.Parse(await conversation.Content.ReadAsStringAsync());
        ConversationId = (string)body["conversationId"]!;
        StreamUrl = (string)body["streamUrl"]!;
        return this;
    }

    /// <summary>Carries on a conversation with a token kept from before, as the page does after a reload.</summary>
    public void Resume(string token, string conversationId)
    {
        Token = token;
        ConversationId = conversationId;
    }

    public Task<HttpResponseMessage> PostAsync(JObject activity, string? conversationId = null, string? token = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", activity, token);

    public Task<HttpResponseMessage> SayAsync(string text) =>
        PostAsync(new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "visitor", ["role"] = "user" } });

    public async Task<(JArray Activities, string Watermark)> ActivitiesAsync(string watermark = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ((JArray)set["activities"]!, (string)set["watermark"]!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JObject? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if ((token ?? Token) is { Length: > 0 } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }
}
