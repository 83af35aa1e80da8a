using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>Activity JSON as a channel posts it to /api/messages, asking for the replies in the response.</summary>
public static class ActivityJson
{
    public const string ServiceUrl = "http://localhost:9/";

    public static JObject Message(string? text, string? conversationId = null, string channelId = "test", string recipientId = "artbot") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = channelId,
        ["serviceUrl"] = ServiceUrl,
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JObject { ["id"] = "visitor-" + (conversationId ?? "1") },
        ["recipient"] = new JObject { ["id"] = recipientId },
        ["conversation"] = new JObject { ["id"] = conversationId ?? "conversation-" + Guid.NewGuid().ToString("N") },
    };
}
