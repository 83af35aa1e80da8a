using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>The Adaptive Card (1.5) every staff card is, as an attachment, and the two answers a card press can get.</summary>
public static class StaffCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject Of(JArray body, JArray? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }
        return card;
    }

    public static Attachment Attachment(JObject card) => new() { ContentType = ContentType, Content = card };

    /// <summary>The answer to a press: the card as it now is, which replaces the one pressed.</summary>
    public static AdaptiveCardInvokeResponse Answer(JObject card) => new() { StatusCode = 200, Type = ContentType, Value = card };

    /// <summary>The answer to a press: a message shown to the one who pressed.</summary>
    public static AdaptiveCardInvokeResponse Answer(string message) => new() { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = message };
}
