using ArtBot.Bot.Observability;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.Turns;

/// <summary>
/// The safety screen as a turn uses it: when one of its layers cannot read a message, the other layer decides alone,
/// and the failure is logged and counted (<c>artbot.safety.layer.failures</c>), never shown to the person.
/// </summary>
public sealed partial class SafetyCheck(SafetyScreen screen, ArtBotMetrics metrics, ILogger<SafetyCheck> logger)
{
    /// <param name="encoded">The turn's message, encoded once for the screen and the classifier.</param>
    public SafetyVerdict Screen(string message, SentenceEncoding encoded)
    {
        var verdict = screen.Screen(message, encoded);
        foreach (var failure in verdict.Failures)
        {
            metrics.RecordSafetyLayerFailure(failure.Layer);
            LogLayerFailed(logger, failure.Exception, failure.Layer, SafetyTiers.Name(verdict.Tier));
        }
        return verdict;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The safety screen's {Layer} layer could not read a message; the other layer decided alone ({Tier})")]
    private static partial void LogLayerFailed(ILogger logger, Exception exception, string layer, string tier);
}
