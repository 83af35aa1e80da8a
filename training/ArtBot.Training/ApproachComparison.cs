using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;

namespace ArtBot.Training;

/// <summary>
/// One way of reading messages, scored as the bot uses it: cross-validated on the training utterances and
/// evaluated on the held-out ones, with the share of out-of-scope messages the bot would decline.
/// </summary>
public sealed record ApproachResult(string Name, double CrossValidatedMacroF1, double Spread, IntentEvaluation HeldOut, double HeldOutDeclined, double HeldOutAnsweredRight)
{
    /// <summary>On the single-intent lines of the blind set, when it was given: right, and out-of-scope declined.</summary>
    public (double Accuracy, double Declined)? Blind { get; init; }
}

/// <summary>
/// Compares n-grams alone, the encoder alone, both, and a cascade in which a confident n-gram answer skips the
/// encoder: the same folds and the same held-out set for each.
/// </summary>
public static class ApproachComparison
{
    /// <summary>The n-gram confidence above which the cascade trusts the n-gram model alone.</summary>
    public const float CascadeConfidence = 0.8f;

    public static IReadOnlyList<ApproachResult> Compare(
        IReadOnlyList<CrossValidation> crossValidation, UtteranceSet training, UtteranceSet heldOut, ISentenceEmbedder embedder, double answerThreshold, BlindSet? blind = null)
    {
        var bestPerFeatures = crossValidation
            .GroupBy(result => result.Trainer.Features)
            .Select(group => group.MaxBy(result => result.Evaluation.MacroF1)!)
            .ToDictionary(result => result.Trainer.Features);
        var classifiers = bestPerFeatures.ToDictionary(pair => pair.Key, pair => FitAll(pair.Value.Trainer, training, embedder));

        var results = bestPerFeatures.Values
            .Select(result => Score(result.Trainer.Name, result, heldOut, text => classifiers[result.Trainer.Features].Classify(text), answerThreshold, blind))
            .ToList();
        if (bestPerFeatures.TryGetValue(IntentFeatures.Ngrams, out var ngrams) && bestPerFeatures.TryGetValue(IntentFeatures.NgramsAndEncoder, out var both))
        {
            var cascadeFolds = new CrossValidation(both.Trainer, IntentEvaluation.Evaluate(training, text => Cascade(ngrams.Predictions[text], () => both.Predictions[text]).Top),
                [], new Dictionary<string, IntentRanking>());
            var name = $"Cascade: n-grams when at least {CascadeConfidence:0.0} sure, else both";
            results.Add(Score(name, cascadeFolds, heldOut,
                text => Cascade(classifiers[IntentFeatures.Ngrams].Classify(text), () => classifiers[IntentFeatures.NgramsAndEncoder].Classify(text)), answerThreshold, blind));
        }
        return results;
    }

    private static IntentRanking Cascade(IntentRanking ngrams, Func<IntentRanking> both) => ngrams.Top.Score >= CascadeConfidence ? ngrams : both();

    private static IntentClassifier FitAll(TrainerCandidate trainer, UtteranceSet training, ISentenceEmbedder embedder)
    {
        var mlContext = new MLContext(seed: 1);
        return new IntentClassifier(mlContext, IntentPipeline.Fit(mlContext, trainer, training.All, embedder), trainer.Features, embedder);
    }

    private static ApproachResult Score(string name, CrossValidation folds, UtteranceSet heldOut, Func<string, IntentRanking> classify, double answerThreshold, BlindSet? blind)
    {
        var (evaluation, declined, answeredRight) = ScoreHeldOut(heldOut, classify, answerThreshold);
        var foldMean = folds.FoldMacroF1.Count > 0 ? folds.FoldMacroF1.Average() : folds.Evaluation.MacroF1;
        return new ApproachResult(name, foldMean, folds.FoldMacroF1.Count > 0 ? folds.Spread : double.NaN, evaluation, declined, answeredRight)
        {
            Blind = blind is null ? null : (blind.Accuracy(classify, answerThreshold), blind.DeclineRate(classify, answerThreshold)),
        };
    }

    /// <summary>
    /// The held-out figures of one way of reading, each utterance classified once: the evaluation, the share of
    /// out-of-scope utterances declined, and the share of in-scope ones answered right and sure enough.
    /// </summary>
    public static (IntentEvaluation Evaluation, double Declined, double AnsweredRight) ScoreHeldOut(UtteranceSet heldOut, Func<string, IntentRanking> classify, double answerThreshold)
    {
        var rankings = heldOut.All.ToDictionary(utterance => utterance.Text, utterance => classify(utterance.Text), StringComparer.Ordinal);
        var evaluation = IntentEvaluation.Evaluate(heldOut, text => rankings[text].Top);
        var outOfScope = heldOut.For(Intent.None).ToList();
        var declined = outOfScope.Count(utterance => Declines(rankings[utterance.Text], answerThreshold));
        var inScope = heldOut.All.Where(utterance => utterance.Intent != Intent.None).ToList();
        var answeredRight = inScope.Count(utterance => rankings[utterance.Text].Top.Intent == utterance.Intent && rankings[utterance.Text].Top.Score >= answerThreshold);
        return (evaluation, (double)declined / Math.Max(1, outOfScope.Count), (double)answeredRight / Math.Max(1, inScope.Count));
    }

    /// <summary>What the bot does with a ranking: anything but a confident in-scope intent is declined.</summary>
    public static bool Declines(IntentRanking ranking, double answerThreshold) => ranking.Top.Intent == Intent.None || ranking.Top.Score < answerThreshold;
}
