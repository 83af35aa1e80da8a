using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ArtBot.Training;

/// <summary>A multiclass trainer that gives probabilities (the bot's threshold needs them), set up to train deterministically.</summary>
public sealed record TrainerCandidate(string Name, Func<MLContext, IEstimator<ITransformer>> Create)
{
    /// <summary>
    /// Maximum-entropy trainers at a few regularization strengths; the text features are L2-normalized,
    /// so the defaults regularize too hard for a thousand short messages. All single-threaded, so the
    /// same data and seed always give the same model.
    /// </summary>
    public static IReadOnlyList<TrainerCandidate> All { get; } =
    [
        Sdca(l2: null),
        Sdca(l2: 0.0001f),
        Lbfgs(l2: 0.1f),
        Lbfgs(l2: 0.01f),
        Lbfgs(l2: 0.001f),
    ];

    private static TrainerCandidate Sdca(float? l2) => new(
        $"SdcaMaximumEntropy(L2={(l2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto")})",
        mlContext => mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L2Regularization = l2 }));

    private static TrainerCandidate Lbfgs(float l2) => new(
        $"LbfgsMaximumEntropy(L1=0, L2={l2.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        mlContext => mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = l2 }));
}
