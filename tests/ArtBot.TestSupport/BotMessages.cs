using System.Text;
using Newtonsoft.Json.Linq;

namespace ArtBot.TestSupport;

/// <summary>Says something to the bot through <c>/api/messages</c>, as a channel would, with the replies in the response.</summary>
public static class BotMessages
{
    /// <param name="fromArtBot">Whether the replies must say what they are (ArtBot's <c>channelData.artbot</c>); the echo bot's do not.</param>
    public static async Task<JArray> SayAsync(HttpClient http, string conversation, string text, string channelId = "bench", bool fromArtBot = true)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["channelId"] = channelId,
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JObject { ["id"] = "visitor-" + conversation },
            ["recipient"] = new JObject { ["id"] = "artbot" },
            ["conversation"] = new JObject { ["id"] = conversation },
        };
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var replies = (JArray?)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"] ?? [];
        if (fromArtBot && !replies.Any(reply => reply["channelData"]?["artbot"] is not null))
        {
            throw new InvalidOperationException($"The bot answered \"{text}\" without its channel data: {replies}");
        }
        return replies;
    }
}
