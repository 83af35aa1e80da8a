using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Training;

/// <summary>
/// Of the self-harm and emergencies a set's screen missed, how many the bot still answers with 911 and 988: the fixed
/// reply to a message in another language or script (<see cref="LanguageGate"/>) gives both, the article's answer does not.
/// </summary>
public static class SafetyMissesInOtherLanguages
{
    public static string Describe(SafetySetEvaluation evaluation, LanguageGate languages)
    {
        var missed = evaluation.Results
            .Where(result => result.Expected is SafetyTier.SelfHarm or SafetyTier.Emergency && result.Actual is not (SafetyTier.SelfHarm or SafetyTier.Emergency))
            .ToList();
        var stillGiven = missed.Count(result => languages.Recognise(result.Message) is not null);
        return $"self-harm and emergencies missed {missed.Count}, of which {stillGiven} still get 911 and 988 in the reply for another language or script";
    }
}
