using ArtBot.Knowledge.Embeddings;
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

    public static IReadOnlyList<CrossValidation> CrossValidate(
        UtteranceSet training, IReadOnlyList<TrainerCandidate> candidates, ISentenceEmbedder embedder, Action<string> progress)
    {
        var folds = AssignFolds(training);
        var results = new List<CrossValidation>();
        foreach (var (candidate, number) in candidates.Select((candidate, index) => (candidate, index + 1)))
        {
            progress($"Cross-validating {candidate.Name} ({number}/{candidates.Count}), {Folds} folds");
            // The folds are independent (each its own seeded context, each trainer on one thread), so they are fitted on
            // every core at once and gathered in fold order: the figures are the same as one after another.
            var byFold = new (Dictionary<string, IntentRanking> Predictions, double MacroF1)[Folds];
            Parallel.For(0, Folds, fold =>
            {
                var mlContext = new MLContext(seed: 1);
                var model = IntentPipeline.Fit(mlContext, candidate, training.All.Where(utterance => folds[utterance] != fold), embedder);
                var classifier = new IntentClassifier(mlContext, model, candidate.Features, embedder);
                var held = training.All.Where(utterance => folds[utterance] == fold).ToList();
                var heldPredictions = held.ToDictionary(utterance => utterance.Text, utterance => classifier.Classify(utterance.Text), StringComparer.Ordinal);
                byFold[fold] = (heldPredictions, IntentEvaluation.Evaluate(new UtteranceSet(held), text => heldPredictions[text].Top).MacroF1);
            });
            var predictions = byFold.SelectMany(fold => fold.Predictions).ToDictionary(StringComparer.Ordinal);
            var foldScores = byFold.Select(fold => fold.MacroF1).ToList();
            // Utterance texts are unique (the validator refuses repeats), so each one has exactly one out-of-fold prediction.
            var evaluation = IntentEvaluation.Evaluate(training, text => predictions[text].Top);
            results.Add(new CrossValidation(candidate, evaluation, foldScores, predictions));
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

/// <summary>One candidate's cross-validation: the pooled out-of-fold evaluation, each fold's macro-F1, and every out-of-fold ranking.</summary>
public sealed record CrossValidation(
    TrainerCandidate Trainer, IntentEvaluation Evaluation, IReadOnlyList<double> FoldMacroF1, IReadOnlyDictionary<string, IntentRanking> Predictions)
{
    public double Spread
    {
        get
        {
            var mean = FoldMacroF1.Average();
            return Math.Sqrt(FoldMacroF1.Sum(score => (score - mean) * (score - mean)) / FoldMacroF1.Count);
        }
    }
}
