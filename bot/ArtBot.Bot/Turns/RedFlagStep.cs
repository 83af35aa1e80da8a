using ArtBot.Bot.Answering;
using ArtBot.Bot.Safety;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.Turns;

/// <summary>Emergency, self-harm and urgent signs get their fixed message and nothing else: no answer, no booking pitch.</summary>
public sealed partial class RedFlagStep(SafetyReplies replies, ILogger<RedFlagStep> logger) : ITurnStep
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Verdict.Tier is not (SafetyTier.Emergency or SafetyTier.SelfHarm or SafetyTier.Urgent))
        {
            return false;
        }
        LogRedFlag(logger, turn.Verdict.Tier, turn.Verdict.ByMeaning, turn.Context.Activity.ChannelId);
        await turn.Context.SendActivityAsync(ReplyActivities.ToActivity(replies.For(turn.Verdict)), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Red flag ({Tier}, by meaning: {ByMeaning}) on {Channel}: the safety message was sent")]
    private static partial void LogRedFlag(ILogger logger, SafetyTier tier, bool byMeaning, string? channel);
}
