using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ArtBot.Bot.Consult;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Observability;

/// <summary>
/// Measures every turn from outside the features: the replies already say what they are (<c>channelData.artbot</c>),
/// so the outcome, the topics answered and the booking's progress are read from them, and no feature knows about metrics.
/// Messages are also counted by day for staff's <c>stats</c> (<see cref="TurnCounts"/>).
/// </summary>
public sealed class TurnMetrics(ArtBotMetrics metrics, TurnCounts counts) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var replies = new List<JToken>();
        turnContext.OnSendActivities(async (_, activities, nextSend) =>
        {
            replies.AddRange(activities.Select(activity => (activity.ChannelData as JObject)?["artbot"]).OfType<JToken>());
            return await nextSend();
        });
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            Record(turnContext.Activity, replies, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(IActivity activity, List<JToken> replies, TimeSpan duration)
    {
        foreach (var reply in replies)
        {
            var kind = (string?)reply["kind"];
            if (kind is "answer" or "clinic" && (string?)reply["id"] is { } topic)
            {
                metrics.RecordAnswer(topic);
            }
            switch ((string?)reply["step"])
            {
                case BookingMilestones.Started:
                    metrics.RecordBooking("started");
                    break;
                case BookingMilestones.Booked:
                    metrics.RecordBooking("completed");
                    break;
                case BookingMilestones.Cancelled:
                    metrics.RecordBooking("cancelled");
                    break;
                case BookingMilestones.NotSaved:
                    metrics.RecordStoreError();
                    break;
            }
        }
        var outcome = Outcome(activity, replies);
        metrics.RecordTurn(duration, outcome, activity.ChannelId ?? "");
        if (activity.Type == ActivityTypes.Message)
        {
            counts.Record(outcome, replies.Where(reply => (string?)reply["kind"] is "answer" or "clinic").Select(reply => (string?)reply["id"]).OfType<string>());
        }
    }

    /// <summary>What the turn came to, from its last reply: <c>answer</c>, <c>fallback</c>, <c>safety:urgent</c>, <c>consult:name</c>…</summary>
    private static string Outcome(IActivity activity, List<JToken> replies)
    {
        if (replies.Count == 0)
        {
            return activity.Type == ActivityTypes.Message ? "no-reply" : "other";
        }
        var last = replies[^1];
        var kind = (string?)last["kind"] ?? "other";
        return kind switch
        {
            "safety" => $"safety:{(string?)last["tier"]}",
            "consult" => $"consult:{(string?)last["step"]}",
            _ => kind,
        };
    }
}
