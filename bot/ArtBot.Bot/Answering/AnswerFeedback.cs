using ArtBot.Bot.Observability;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Thumbs up or down on an answer from the article. Web Chat sends a vote as the event
/// <c>webchat:activity-status/feedback</c> carrying the action the answer offered, whose id names the entry. Votes are
/// counted per entry and day, with nothing about the person, and shown in staff's <c>stats</c>.
/// </summary>
public sealed class AnswerFeedback(TurnCounts counts)
{
    public const string EventName = "webchat:activity-status/feedback";
    public const string Metric = "feedback";
    private const string Prefix = "artbot:feedback:";

    public static string ActionId(string entryId, bool liked) => $"{Prefix}{entryId}:{(liked ? "like" : "dislike")}";

    /// <summary>Reads and counts the vote; returns whether the answer was liked, or null if the event is not a vote on an answer.</summary>
    public bool? Record(IEventActivity activity)
    {
        var id = (activity.Entities ?? []).Select(entity => (string?)entity.Properties["@id"]).FirstOrDefault(id => id?.StartsWith(Prefix, StringComparison.Ordinal) == true);
        if (id?[Prefix.Length..].Split(':') is not [{ Length: > 0 } entry, var reaction] || reaction is not ("like" or "dislike"))
        {
            return null;
        }
        counts.Count(Metric, $"{entry}:{reaction}");
        return reaction == "like";
    }
}
