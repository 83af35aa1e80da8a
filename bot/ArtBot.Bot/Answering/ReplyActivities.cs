using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Answering;

/// <summary>Turns a <see cref="Reply"/> into the message activity a channel shows.</summary>
public static class ReplyActivities
{
    /// <summary>
    /// The reply as one message whose buttons are its suggested actions. Web Chat shows suggested actions
    /// only on the bot's latest message, so a reply is always sent as the turn's last activity.
    /// <paramref name="channelId"/> is the channel it goes to: Teams takes citations in its own form (<see cref="TeamsCitation"/>).
    /// </summary>
    public static IMessageActivity ToActivity(Reply reply, string? channelId)
    {
        var inTeams = channelId == Channels.Msteams;
        var text = reply.Source is null ? reply.Text : inTeams ? TeamsCitation.Text(reply.Text) : Cited(reply.Text, reply.Source);
        var activity = MessageFactory.Text(text);
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
            var message = inTeams ? TeamsCitation.MessageEntity(source) : WebChatMessage(source);
            OfferVote(message, reply.EntryId);
            activity.Entities = [.. activity.Entities ?? [], message.ToObject<Entity>()!];
        }
        return activity;
    }

    /// <summary>
    /// The answer with a citation badge and its Markdown reference-style link (<c>cite:1</c>), as Web Chat (4.16 and
    /// later) renders citations; other channels show the reference as plain text.
    /// </summary>
    private static string Cited(string text, Citation source) =>
        $"{text} [1]\n\n[1]: cite:1 \"{source.Document.Replace("\"", "'", StringComparison.Ordinal)}\"";

    /// <summary>The schema.org Message thing, as Web Chat reads it: its Claim (position 1) carries the passages, which the person can open.</summary>
    private static JObject WebChatMessage(Citation source)
    {
        var passages = string.Join("\n\n", source.Passages.Select(passage => "> " + passage));
        return new JObject
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
    }

    /// <summary>
    /// Like and Dislike actions, Web Chat's thumbs, named after the entry so a vote says which answer it was for
    /// (<see cref="AnswerFeedback"/>); in Teams they tell <see cref="Turns.TeamsFeedbackLoop"/> to show Teams' own.
    /// </summary>
    private static void OfferVote(JObject message, string? entryId)
    {
        if (entryId is not null)
        {
            message["potentialAction"] = new JArray(
                new JObject { ["@type"] = "LikeAction", ["@id"] = AnswerFeedback.ActionId(entryId, liked: true), ["actionStatus"] = "PotentialActionStatus" },
                new JObject { ["@type"] = "DislikeAction", ["@id"] = AnswerFeedback.ActionId(entryId, liked: false), ["actionStatus"] = "PotentialActionStatus" });
        }
    }

    private static JObject Describe(Reply reply)
    {
        var description = new JObject { ["kind"] = reply.Kind.ToString().ToLowerInvariant() };
        if ((reply.EntryId ?? reply.Subject) is { } id)
        {
            description["id"] = id;
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
