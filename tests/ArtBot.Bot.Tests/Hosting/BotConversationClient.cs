using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>Talks to <c>/api/messages</c> as a channel would, one conversation, replies expected in the response.</summary>
public sealed class BotConversationClient(HttpClient client, string conversationId, string channelId = "test")
{
    public async Task<JArray> SayAsync(string? text, string? activityId = null, JObject? value = null)
    {
        var activity = ActivityJson.Message(text, conversationId, channelId);
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }
        if (value is not null)
        {
            activity["value"] = value;
        }
        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    public static string? Step(JToken reply) => (string?)reply["channelData"]?["artbot"]?["step"];
}
