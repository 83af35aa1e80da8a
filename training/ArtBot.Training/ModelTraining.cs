using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;

namespace ArtBot.Training;

/// <summary>The two commands: train a new model from the utterances, or re-score the committed one.</summary>
public sealed class ModelTraining(KnowledgeFiles files, ISentenceEmbedder embedder, TextWriter output)
{
    public const string TrainCommand = "dotnet run --project training/ArtBot.Training -- train";

    /// <summary>The bot's default <c>Answering:AnswerThreshold</c>: below it a message is declined.</summary>
    public const double AnswerThreshold = 0.5;

    /// <param name="blind">The frozen blind set, to add its figures to the comparison; evaluate it once per release, never tune on it.</param>
    public IntentEvaluation Train(IReadOnlyList<TrainerCandidate> candidates, BlindSet? blind = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var (knowledgeBase, training, heldOut) = LoadData();

        Progress($"Embedding {training.All.Count + heldOut.All.Count} utterances with {embedder.Name}");
        embedder.EmbedMany([.. training.All.Concat(heldOut.All).Select(utterance => utterance.Text)]);

        var crossValidation = TrainerSelection.CrossValidate(training, candidates, embedder, Progress);
        var best = crossValidation.MaxBy(result => result.Evaluation.MacroF1)!;
        foreach (var result in crossValidation)
        {
            Progress(string.Create(CultureInfo.InvariantCulture, $"  {result.Trainer.Name}: cross-validated macro-F1 {result.Evaluation.MacroF1:0.000} (folds ±{result.Spread:0.000})"));
        }

        Progress($"Training {best.Trainer.Name} on all {training.All.Count} training utterances");
        var mlContext = new MLContext(seed: 1);
        var dataView = IntentPipeline.ToDataView(mlContext, training.All, embedder);
        var model = IntentPipeline.Create(mlContext, best.Trainer).Fit(dataView);
        var fingerprint = TrainingDataFingerprint.Compute(training, embedder.Name);
        IntentModelFile.Save(mlContext, model, dataView.Schema, best.Trainer.Features, fingerprint, files.Model);
        var trainingTime = stopwatch.Elapsed;

        Progress($"Evaluating on the held-out utterances ({heldOut.All.Count})");
        var classifier = IntentClassifier.Load(files.Model, embedder);
        var heldOutEvaluation = IntentEvaluation.Evaluate(classifier, heldOut);

        Progress("Comparing the approaches on the held-out utterances");
        var approaches = candidates.Select(candidate => candidate.Features).Distinct().Count() > 1
            ? ApproachComparison.Compare(crossValidation, training, heldOut, embedder, AnswerThreshold, blind)
            : [];

        var plots = ModelPlots.Write(files, heldOutEvaluation, heldOut, classifier, AnswerThreshold);

        var report = new StringBuilder()
            .AppendLine("# Intent model")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by `{TrainCommand}`; do not edit, retrain. `{KnowledgeFiles.ModelFileName}` records the training data's and the encoder's fingerprint.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Training data: {training.All.Count} utterances over {training.Intents.Count()} intents, fingerprint `{fingerprint}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- Sentence encoder: {embedder.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Chosen: **{best.Trainer.Name}**, by {TrainerSelection.Folds}-fold cross-validation on the training utterances (macro-F1, ± the spread over folds):")
            .AppendJoin(Environment.NewLine, crossValidation.Select(result => string.Create(CultureInfo.InvariantCulture, $"  - {result.Trainer.Name}: {result.Evaluation.MacroF1:0.000} ±{result.Spread:0.000}")))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Knowledge base: {knowledgeBase.Entries.Count} entries")
            .AppendLine()
            .Append(RenderApproaches(approaches))
            .AppendLine("Plots of the held-out evaluation: " + string.Join(", ", plots.Select(plot => $"[{Path.GetFileNameWithoutExtension(plot)}]({ModelPlots.FolderName}/{Path.GetFileName(plot)})")))
            .AppendLine()
            .Append(MetricsReport.Render(heldOutEvaluation, "Held-out evaluation (utterances/test, never trained on)"))
            .ToString();
        File.WriteAllText(files.MetricsReport, report);

        output.WriteLine();
        output.WriteLine(report);
        output.WriteLine($"Model: {files.Model} ({new FileInfo(files.Model).Length / 1024.0:0} KiB), trained and saved in {trainingTime.TotalSeconds:0.0} s");
        output.WriteLine($"Report: {files.MetricsReport}");
        return heldOutEvaluation;
    }

    public IntentEvaluation Evaluate()
    {
        var (_, training, heldOut) = LoadData();
        var recorded = IntentModelFile.ReadFingerprint(files.Model);
        if (recorded != TrainingDataFingerprint.Compute(training, embedder.Name))
        {
            output.WriteLine($"Warning: the training utterances or the encoder changed since this model was trained. Retrain with: {TrainCommand}");
        }
        var evaluation = IntentEvaluation.Evaluate(IntentClassifier.Load(files.Model, embedder), heldOut);
        output.WriteLine(MetricsReport.Render(evaluation, $"Committed model on the held-out utterances ({files.Model})"));
        return evaluation;
    }

    private static string RenderApproaches(IReadOnlyList<ApproachResult> approaches)
    {
        if (approaches.Count == 0)
        {
            return "";
        }
        var table = new StringBuilder()
            .AppendLine("## Approaches compared")
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Each with its best regularization. Held-out \"answered right\": in-scope utterances whose top intent is right and at least {AnswerThreshold:0.0} sure; \"declined\": out-of-scope (`none`) utterances the bot would decline.") +
                (approaches[0].Blind is null ? "" : " \"Blind\": the same on the single-intent lines of the frozen blind set (no context, one topic), evaluated once."))
            .AppendLine()
            .AppendLine("| approach | cross-validated macro-F1 (± over folds) | held-out macro-F1 | held-out accuracy | answered right | declined |" + (approaches[0].Blind is null ? "" : " blind right | blind declined |"))
            .AppendLine("|---|---:|---:|---:|---:|---:|" + (approaches[0].Blind is null ? "" : "---:|---:|"));
        foreach (var approach in approaches)
        {
            var spread = double.IsNaN(approach.Spread) ? "" : string.Create(CultureInfo.InvariantCulture, $" ±{approach.Spread:0.000}");
            var blind = approach.Blind is { } figures ? string.Create(CultureInfo.InvariantCulture, $" {figures.Accuracy:0.000} | {figures.Declined:0.000} |") : "";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {approach.Name} | {approach.CrossValidatedMacroF1:0.000}{spread} | {approach.HeldOut.MacroF1:0.000} | {approach.HeldOut.Accuracy:0.000} | {approach.HeldOutAnsweredRight:0.000} | {approach.HeldOutDeclined:0.000} |{blind}");
        }
        return table.AppendLine().ToString();
    }

    private (KnowledgeBase KnowledgeBase, UtteranceSet Training, UtteranceSet HeldOut) LoadData()
    {
        Progress($"Loading and validating {files.Directory}");
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        var heldOut = KnowledgeBaseLoader.LoadHeldOut(files, knowledgeBase, training);
        return (knowledgeBase, training, heldOut);
    }

    private void Progress(string message) => output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
