using ArtBot.Knowledge.Intents;

namespace ArtBot.Knowledge.Tests.Intents;

public sealed class IntentEvaluationTests
{
    [Fact]
    public void Computes_precision_recall_and_F1_from_the_confusion_matrix()
    {
        var utterances = new UtteranceSet(
        [
            new("a1", "a", "a.txt", 1), new("a2", "a", "a.txt", 2),
            new("b1", "b", "b.txt", 1), new("b2", "b", "b.txt", 2),
        ]);
        // Everything is predicted "a": a has precision 2/4 and recall 1; b has neither.
        var evaluation = IntentEvaluation.Evaluate(utterances, _ => new IntentScore("a", 0.9f));

        var a = evaluation.PerIntent.Single(metrics => metrics.Intent == "a");
        var b = evaluation.PerIntent.Single(metrics => metrics.Intent == "b");
        Assert.Equal((0.5, 1.0), (a.Precision, a.Recall));
        Assert.Equal(2.0 / 3, a.F1, precision: 10);
        Assert.Equal((0.0, 0.0, 0.0), (b.Precision, b.Recall, b.F1));
        Assert.Equal(1.0 / 3, evaluation.MacroF1, precision: 10);
        Assert.Equal(0.5, evaluation.Accuracy);
        Assert.Equal([[2, 0], [2, 0]], evaluation.Confusion);
        Assert.Equal(["b1", "b2"], evaluation.Misclassified.Select(miss => miss.Utterance.Text));
    }
}
