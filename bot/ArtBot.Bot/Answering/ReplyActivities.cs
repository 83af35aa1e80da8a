using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Answering;

/// <summary>Turns a <see cref="Reply"/> into the message activity a channel shows.</summary>
public static class ReplyActivities
{
    /// <summary>
    /// The reply as one message whose buttons are its suggested actions. Web Chat shows suggested actions
    /// only on the bot's latest message, so a reply is always sent as the turn's last activity.
    /// </summary>
    public static IMessageActivity ToActivity(Reply reply)
    {
        var activity = MessageFactory.Text(reply.Source is null ? reply.Text : Cited(reply.Text, reply.Source));
        activity.TextFormat = TextFormatTypes.Markdown;
        if (reply.SuggestedActions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = reply.SuggestedActions
                    .Select(title => new CardAction(ActionTypes.ImBack, title: title, value: title))
                    .ToList(),
            };
        }
        foreach (var attachment in reply.Attachments)
        {
            activity.Attachments.Add(attachment);
        }
        activity.ChannelData = new JObject { ["artbot"] = Describe(reply) };
        if (reply.Source is { } source)
        {
            activity.Entities = [.. activity.Entities ?? [], MessageEntity(source, reply.EntryId)];
        }
        return activity;
    }

    /// <summary>
    /// The answer with a citation badge and its Markdown reference-style link (<c>cite:1</c>), as Web Chat (4.16 and
    /// later) and Teams render citations; other channels show the reference as plain text.
    /// </summary>
    private static string Cited(string text, Citation source) =>
        $"{text} [1]\n\n[1]: cite:1 \"{source.Document.Replace("\"", "'", StringComparison.Ordinal)}\"";

    /// <summary>
    /// The schema.org Message thing: its Claim (position 1) carries the passages, which the person can open, and its
    /// Like and Dislike actions are Web Chat's thumbs, named after the entry so a vote says which answer it was for
    /// (<see cref="AnswerFeedback"/>).
    /// </summary>
    private static Entity MessageEntity(Citation source, string? entryId)
    {
        var passages = string.Join("\n\n", source.Passages.Select(passage => "> " + passage));
        var message = new JObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["citation"] = new JArray
            {
                new JObject
                {
                    ["@type"] = "Claim",
                    ["position"] = 1,
                    ["appearance"] = new JObject
                    {
                        ["@type"] = "DigitalDocument",
                        ["name"] = source.Document,
                        ["abstract"] = source.Passages[0],
                        ["text"] = passages,
                        ["encodingFormat"] = "text/markdown",
                    },
                },
            },
        };
        if (entryId is not null)
        {
            message["potentialAction"] = new JArray(
                new JObject { ["@type"] = "LikeAction", ["@id"] = AnswerFeedback.ActionId(entryId, liked: true), ["actionStatus"] = "PotentialActionStatus" },
                new JObject { ["@type"] = "DislikeAction", ["@id"] = AnswerFeedback.ActionId(entryId, liked: false), ["actionStatus"] = "PotentialActionStatus" });
        }
        return message.ToObject<Entity>()!;
    }

    private static JObject Describe(Reply reply)
    {
        var description = new JObject { ["kind"] = reply.Kind.ToString().ToLowerInvariant() };
        if (reply.EntryId is not null)
        {
            description["id"] = reply.EntryId;
        }
        if (reply.Tier is not null)
        {
            description["tier"] = reply.Tier;
        }
        if (reply.Step is not null)
        {
            description["step"] = reply.Step;
        }
        if (reply.Reference is not null)
        {
            description["reference"] = reply.Reference;
        }
        if (reply.Confidence is { } confidence)
        {
            description["confidence"] = Math.Round(confidence, 3);
        }
        return description;
    }
}
