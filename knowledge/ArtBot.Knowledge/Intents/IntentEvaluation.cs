namespace ArtBot.Knowledge.Intents;

/// <summary>How well a classifier labels a set of utterances: per-intent precision, recall and F1, macro-F1 and the confusion matrix.</summary>
public sealed class IntentEvaluation
{
    private IntentEvaluation(IReadOnlyList<string> intents, int[][] confusion, IReadOnlyList<Misclassification> misclassified)
    {
        Intents = intents;
        Confusion = confusion;
        Misclassified = misclassified;
        PerIntent = intents.Select((intent, index) => MetricsFor(intent, index)).ToList();
        MacroF1 = PerIntent.Average(metrics => metrics.F1);
        Accuracy = (double)intents.Select((_, index) => confusion[index][index]).Sum() / confusion.Sum(row => row.Sum());
    }

    public IReadOnlyList<string> Intents { get; }

    /// <summary>Rows are the expected intents, columns the predicted ones, both in the order of <see cref="Intents"/>.</summary>
    public int[][] Confusion { get; }

    public IReadOnlyList<IntentMetrics> PerIntent { get; }
    public double MacroF1 { get; }
    public double Accuracy { get; }
    public IReadOnlyList<Misclassification> Misclassified { get; }

    public static IntentEvaluation Evaluate(IntentClassifier classifier, UtteranceSet utterances) =>
        Evaluate(utterances, text => classifier.Classify(text).Top);

    public static IntentEvaluation Evaluate(UtteranceSet utterances, Func<string, IntentScore> predict)
    {
        var intents = utterances.Intents.ToList();
        var index = intents.Select((intent, position) => (intent, position)).ToDictionary(pair => pair.intent, pair => pair.position);
        var confusion = intents.Select(_ => new int[intents.Count]).ToArray();
        var misclassified = new List<Misclassification>();
        foreach (var utterance in utterances.All)
        {
            var predicted = predict(utterance.Text);
            if (!index.TryGetValue(predicted.Intent, out var column))
            {
                throw new InvalidOperationException($"The classifier predicted '{predicted.Intent}', which the utterance set does not have.");
            }
            confusion[index[utterance.Intent]][column]++;
            if (predicted.Intent != utterance.Intent)
            {
                misclassified.Add(new Misclassification(utterance, predicted));
            }
        }
        return new IntentEvaluation(intents, confusion, misclassified);
    }

    private IntentMetrics MetricsFor(string intent, int index)
    {
        var truePositives = Confusion[index][index];
        var predicted = Confusion.Sum(row => row[index]);
        var actual = Confusion[index].Sum();
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = actual == 0 ? 0 : (double)truePositives / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentMetrics(intent, precision, recall, f1, actual);
    }
}
