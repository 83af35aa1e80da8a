using System.Globalization;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ArtBot.Training;

/// <summary>A featurization and a multiclass trainer that gives probabilities (the bot's threshold needs them), set up to train deterministically.</summary>
public sealed record TrainerCandidate(string Name, IntentFeatures Features, Func<MLContext, IEstimator<ITransformer>> Create)
{
    /// <summary>
    /// Maximum entropy on n-grams alone (the first model), on the encoder alone, and on both; a few regularization
    /// strengths each, since the features are unit-length and the defaults regularize too hard for a few thousand
    /// short messages. All single-threaded, so the same data and seed always give the same model.
    /// </summary>
    public static IReadOnlyList<TrainerCandidate> All { get; } =
    [
        Lbfgs(IntentFeatures.Ngrams, l2: 0.001f),
        Lbfgs(IntentFeatures.Ngrams, l2: 0.0001f),
        Lbfgs(IntentFeatures.Encoder, l2: 0.001f),
        Lbfgs(IntentFeatures.Encoder, l2: 0.0001f),
        Lbfgs(IntentFeatures.NgramsAndEncoder, l2: 0.001f),
        Lbfgs(IntentFeatures.NgramsAndEncoder, l2: 0.0001f),
    ];

    private static TrainerCandidate Lbfgs(IntentFeatures features, float l2) => new(
        $"{features} + LbfgsMaximumEntropy(L2={l2.ToString(CultureInfo.InvariantCulture)})",
        features,
        mlContext => mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = l2 }));
}
