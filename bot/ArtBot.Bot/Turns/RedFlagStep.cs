using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.Turns;

/// <summary>
/// Emergency, self-harm and urgent signs get their fixed message first and alone: no answer, no booking pitch. A booking
/// in progress is kept, and the next message is not taken as an answer to its question.
/// </summary>
public sealed partial class RedFlagStep(SafetyReplies replies, ConsultFlow consult, ILogger<RedFlagStep> logger) : ITurnStep
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Verdict.IsRedFlag)
        {
            return false;
        }
        LogRedFlag(logger, turn.Verdict.Tier, turn.Verdict.ByMeaning, turn.Context.Activity.ChannelId);
        var bookingKept = await consult.HoldForSafetyReplyAsync(turn.Context, cancellationToken);
        await turn.Context.SendActivityAsync(ReplyActivities.ToActivity(replies.For(turn.Verdict, bookingKept), turn.Context.Activity.ChannelId), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Red flag ({Tier}, by meaning: {ByMeaning}) on {Channel}: the safety message was sent")]
    private static partial void LogRedFlag(ILogger logger, SafetyTier tier, bool byMeaning, string? channel);
}
