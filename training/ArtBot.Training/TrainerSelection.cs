using ArtBot.Knowledge.Intents;
using Microsoft.ML;

namespace ArtBot.Training;

/// <summary>
/// Picks the trainer by stratified k-fold cross-validation on the training utterances alone,
/// so the held-out set stays unseen until the final evaluation.
/// </summary>
public static class TrainerSelection
{
    public const int Folds = 5;

    public static IReadOnlyList<(TrainerCandidate Trainer, IntentEvaluation Evaluation)> CrossValidate(
        UtteranceSet training, IReadOnlyList<TrainerCandidate> candidates, Action<string> progress)
    {
        var folds = AssignFolds(training);
        var results = new List<(TrainerCandidate, IntentEvaluation)>();
        foreach (var (candidate, number) in candidates.Select((candidate, index) => (candidate, index + 1)))
        {
            progress($"Cross-validating {candidate.Name} ({number}/{candidates.Count}), {Folds} folds");
            var predictions = new Dictionary<string, IntentScore>(StringComparer.Ordinal);
            for (var fold = 0; fold < Folds; fold++)
            {
                var mlContext = new MLContext(seed: 1);
                var model = IntentPipeline.Fit(mlContext, candidate, training.All.Where(utterance => folds[utterance] != fold));
                var classifier = new IntentClassifier(mlContext, model);
                foreach (var utterance in training.All.Where(utterance => folds[utterance] == fold))
                {
                    predictions[utterance.Text] = classifier.Classify(utterance.Text).Top;
                }
            }
            // Utterance texts are unique (the validator refuses repeats), so each one has exactly one out-of-fold prediction.
            var evaluation = IntentEvaluation.Evaluate(training, text => predictions[text]);
            results.Add((candidate, evaluation));
        }
        return results;
    }

    /// <summary>Deals each intent's utterances round-robin into the folds, so every fold holds every intent.</summary>
    private static Dictionary<Utterance, int> AssignFolds(UtteranceSet training) =>
        training.All
            .GroupBy(utterance => utterance.Intent)
            .SelectMany(group => group.Select((utterance, index) => (utterance, fold: index % Folds)))
            .ToDictionary(pair => pair.utterance, pair => pair.fold);
}
