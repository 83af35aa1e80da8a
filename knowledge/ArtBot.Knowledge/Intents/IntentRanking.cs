namespace ArtBot.Knowledge.Intents;

/// <summary>Every intent with its probability, best first.</summary>
public sealed record IntentRanking(IReadOnlyList<IntentScore> Scores)
{
    public IntentScore Top => Scores[0];
    public IntentScore RunnerUp => Scores.Count > 1 ? Scores[1] : new IntentScore(Intent.None, 0);
}
