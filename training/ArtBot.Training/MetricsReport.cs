using System.Globalization;
using System.Text;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Training;

/// <summary>Writes an evaluation as Markdown: readable on the console and committed next to the model.</summary>
public static class MetricsReport
{
    public static string Render(IntentEvaluation evaluation, string title)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Macro-F1 **{evaluation.MacroF1:0.000}**, accuracy {evaluation.Accuracy:0.000}, {evaluation.Confusion.Sum(row => row.Sum())} utterances.");
        report.AppendLine();
        report.AppendLine("| intent | precision | recall | F1 | support |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var metrics in evaluation.PerIntent)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {metrics.Intent} | {metrics.Precision:0.000} | {metrics.Recall:0.000} | {metrics.F1:0.000} | {metrics.Support} |");
        }
        report.AppendLine();
        report.AppendLine("Confusion matrix (rows: expected, columns: predicted):");
        report.AppendLine();
        report.AppendLine("```");
        report.Append(RenderConfusion(evaluation));
        report.AppendLine("```");
        if (evaluation.Misclassified.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("Misclassified:");
            report.AppendLine();
            foreach (var miss in evaluation.Misclassified)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- `{miss.Utterance.Text}`: expected {miss.Utterance.Intent}, got {miss.Predicted.Intent} ({miss.Predicted.Score:0.00})");
            }
        }
        return report.ToString();
    }

    private static string RenderConfusion(IntentEvaluation evaluation)
    {
        var width = evaluation.Intents.Max(intent => intent.Length);
        var text = new StringBuilder();
        text.Append(' ', width + 3);
        for (var column = 0; column < evaluation.Intents.Count; column++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{column + 1,4}");
        }
        text.AppendLine();
        for (var row = 0; row < evaluation.Intents.Count; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row + 1,2} {evaluation.Intents[row].PadRight(width)}");
            foreach (var count in evaluation.Confusion[row])
            {
                text.Append((count == 0 ? "." : count.ToString(CultureInfo.InvariantCulture)).PadLeft(4));
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
