using ArtBot.Bot.Observability;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Thumbs up or down on an answer from the article. Web Chat sends a vote as the event
/// <c>webchat:activity-status/feedback</c> carrying the action the answer offered, whose id names the entry. Teams
/// shows its own thumbs (<see cref="Turns.TeamsFeedbackLoop"/>) and sends a vote as the invoke
/// <c>message/submitAction</c>, which names only the message voted on. Votes are counted per entry and day, with
/// nothing about the person, and shown in staff's <c>stats</c>.
/// </summary>
public sealed class AnswerFeedback(TurnCounts counts, Turns.ConversationMemory memory, Knowledge.Content.KnowledgeBase knowledgeBase)
{
    public const string EventName = "webchat:activity-status/feedback";
    public const string TeamsInvokeName = "message/submitAction";
    public const string Metric = "feedback";
    private const string Prefix = "artbot:feedback:";

    public static string ActionId(string entryId, bool liked) => $"{Prefix}{entryId}:{Reaction(liked)}";

    /// <summary>The entry a reply lets people vote on (its Like and Dislike actions name it), or null if it offers no vote.</summary>
    public static string? EntryVotedOnIn(IActivity reply) =>
        (reply.Entities ?? [])
            .SelectMany(entity => entity.Properties["potentialAction"] as JArray ?? new JArray())
            .Select(action => VoteNamedBy((string?)(action as JObject)?["@id"]))
            .FirstOrDefault(vote => vote is not null)?.Entry;

    /// <summary>
    /// Reads and counts a Web Chat vote; returns whether the answer was liked, or null if the event is not a vote on an
    /// answer. The client names the entry, so only an entry of the knowledge base is counted: any other id (a long
    /// one, control characters, words meant for staff to read in <c>stats</c>) counts nothing.
    /// </summary>
    public bool? Record(IEventActivity activity) =>
        (activity.Entities ?? []).Select(entity => VoteNamedBy(entity.Properties["@id"]?.Type == JTokenType.String ? (string?)entity.Properties["@id"] : null))
            .FirstOrDefault(vote => vote is not null) is { } vote && knowledgeBase.Contains(vote.Entry)
            ? Count(vote.Entry, vote.Liked)
            : null;

    /// <summary>
    /// Reads and counts a Teams vote, on the entry remembered for the message voted on; returns whether the answer was
    /// liked, or null if the invoke is not a vote on an answer the bot remembers. The text a person may add is not read.
    /// </summary>
    public async Task<bool?> RecordAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (TeamsVote(turnContext.Activity.Value) is not { } liked || turnContext.Activity.ReplyToId is not { Length: > 0 } messageId)
        {
            return null;
        }
        var answers = await memory.GetAsync<AnswerMessageMemory>(turnContext, cancellationToken);
        return answers.EntryAnsweredIn(messageId) is { } entry ? Count(entry, liked) : null;
    }

    /// <summary>Every vote, from any channel, is counted here; returns whether the answer was liked.</summary>
    private bool Count(string entryId, bool liked)
    {
        counts.Count(Metric, $"{entryId}:{Reaction(liked)}");
        return liked;
    }

    /// <summary>The entry and vote an action id from <see cref="ActionId"/> names; null for any other id.</summary>
    private static (string Entry, bool Liked)? VoteNamedBy(string? actionId) =>
        actionId?.StartsWith(Prefix, StringComparison.Ordinal) == true
        && actionId[Prefix.Length..].Split(':') is [{ Length: > 0 } entry, var reaction] && reaction is "like" or "dislike"
            ? (entry, reaction == "like")
            : null;

    /// <summary>Like (true) or dislike (false) from Teams' <c>{ "actionName": "feedback", "actionValue": { "reaction": … } }</c>; null for anything else.</summary>
    private static bool? TeamsVote(object? value)
    {
        var invoke = value is null ? null : JToken.FromObject(value) as JObject;
        if (Text(invoke?["actionName"]) != "feedback")
        {
            return null;
        }
        return Text((invoke!["actionValue"] as JObject)?["reaction"]) switch
        {
            "like" => true,
            "dislike" => false,
            _ => null,
        };
    }

    private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;

    private static string Reaction(bool liked) => liked ? "like" : "dislike";
}
