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
        var activity = MessageFactory.Text(reply.Text);
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
        return activity;
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
