using ArtBot.Knowledge;
using ArtBot.Knowledge.Intents;
using ScottPlot;

namespace ArtBot.Training;

/// <summary>
/// The held-out evaluation as pictures, as <c>rasa test</c> draws them: the confusion matrix, how sure the model is
/// when it is right, wrong or facing an out-of-scope message, and F1 per intent. Written next to the metrics report.
/// </summary>
public static class ModelPlots
{
    public const string FolderName = "intent-model-plots";

    public static IReadOnlyList<string> Write(KnowledgeFiles files, IntentEvaluation evaluation, UtteranceSet heldOut, IntentClassifier classifier, double answerThreshold)
    {
        var folder = Path.Combine(files.Directory, FolderName);
        Directory.CreateDirectory(folder);
        return
        [
            ConfusionMatrix(evaluation, Path.Combine(folder, "confusion-matrix.png")),
            ConfidenceHistogram(heldOut, classifier, answerThreshold, Path.Combine(folder, "confidence-histogram.png")),
            F1PerIntent(evaluation, Path.Combine(folder, "f1-per-intent.png")),
        ];
    }

    private static string ConfusionMatrix(IntentEvaluation evaluation, string path)
    {
        var count = evaluation.Intents.Count;
        var shares = new double[count, count];
        for (var row = 0; row < count; row++)
        {
            var total = Math.Max(1, evaluation.Confusion[row].Sum());
            for (var column = 0; column < count; column++)
            {
                // Heatmap rows are drawn bottom-up; flip so the first intent is at the top, as in the Markdown table.
                shares[count - 1 - row, column] = (double)evaluation.Confusion[row][column] / total;
            }
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        var positions = Enumerable.Range(0, count).Select(index => (double)index).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. evaluation.Intents]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. evaluation.Intents.Reverse()]);
        plot.Title("Held-out confusion matrix (share of each expected intent)");
        plot.XLabel("predicted");
        plot.YLabel("expected");
        plot.SavePng(path, 1100, 1000);
        return path;
    }

    private static string ConfidenceHistogram(UtteranceSet heldOut, IntentClassifier classifier, double answerThreshold, string path)
    {
        const int bins = 20;
        var groups = new Dictionary<string, List<double>> { ["right"] = [], ["wrong"] = [], ["out of scope"] = [] };
        foreach (var utterance in heldOut.All)
        {
            var top = classifier.Classify(utterance.Text).Top;
            var group = utterance.Intent == Intent.None ? "out of scope" : top.Intent == utterance.Intent ? "right" : "wrong";
            groups[group].Add(top.Score);
        }
        var plot = new Plot();
        var width = 1.0 / bins;
        var colors = new[] { Colors.SeaGreen, Colors.Crimson, Colors.SlateGray };
        foreach (var ((name, scores), index) in groups.Select((group, index) => (group, index)))
        {
            var bars = Enumerable.Range(0, bins).Select(bin => new Bar
            {
                Position = (bin + 0.5) * width + (index - 1) * width / 3,
                Value = scores.Count(score => Math.Min(bins - 1, (int)(score * bins)) == bin),
                Size = width / 3,
                FillColor = colors[index],
            }).ToList();
            plot.Add.Bars(bars).LegendText = $"{name} ({scores.Count})";
        }
        var threshold = plot.Add.VerticalLine(answerThreshold);
        threshold.LegendText = $"answer threshold {answerThreshold:0.00}";
        plot.ShowLegend();
        plot.Title("Confidence of the top intent on the held-out utterances");
        plot.XLabel("confidence");
        plot.YLabel("utterances");
        plot.SavePng(path, 1000, 600);
        return path;
    }

    private static string F1PerIntent(IntentEvaluation evaluation, string path)
    {
        var plot = new Plot();
        var bars = evaluation.PerIntent.Select((metrics, index) => new Bar { Position = index, Value = metrics.F1, FillColor = Colors.SteelBlue }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, evaluation.Intents.Count).Select(index => (double)index).ToArray(), [.. evaluation.PerIntent.Select(metrics => metrics.Intent)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title($"Held-out F1 per intent (macro-F1 {evaluation.MacroF1:0.000})");
        plot.YLabel("F1");
        plot.SavePng(path, 1000, 600);
        return path;
    }
}
