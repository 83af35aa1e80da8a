using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;

namespace ArtBot.Training;

/// <summary>The two commands: train a new model from the utterances, or re-score the committed one.</summary>
public sealed class ModelTraining(KnowledgeFiles files, TextWriter output)
{
    public const string TrainCommand = "dotnet run --project training/ArtBot.Training -- train";

    public IntentEvaluation Train(IReadOnlyList<TrainerCandidate> candidates)
    {
        var stopwatch = Stopwatch.StartNew();
        var (knowledgeBase, training, heldOut) = LoadData();

        var crossValidation = TrainerSelection.CrossValidate(training, candidates, Progress);
        var best = crossValidation.MaxBy(result => result.Evaluation.MacroF1);
        foreach (var (trainer, evaluation) in crossValidation)
        {
            Progress($"  {trainer.Name}: cross-validated macro-F1 {evaluation.MacroF1:0.000}");
        }

        Progress($"Training {best.Trainer.Name} on all {training.All.Count} training utterances");
        var mlContext = new MLContext(seed: 1);
        var dataView = IntentPipeline.ToDataView(mlContext, training.All);
        var model = IntentPipeline.Create(mlContext, best.Trainer).Fit(dataView);
        var fingerprint = TrainingDataFingerprint.Compute(training);
        IntentModelFile.Save(mlContext, model, dataView.Schema, fingerprint, files.Model);
        var trainingTime = stopwatch.Elapsed;

        Progress($"Evaluating on the held-out utterances ({heldOut.All.Count})");
        var heldOutEvaluation = IntentEvaluation.Evaluate(IntentClassifier.Load(files.Model), heldOut);

        var report = new StringBuilder()
            .AppendLine("# Intent model")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by `{TrainCommand}`; do not edit, retrain. `{KnowledgeFiles.ModelFileName}` records the training data's fingerprint.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Training data: {training.All.Count} utterances over {training.Intents.Count()} intents, fingerprint `{fingerprint}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- Trainer: **{best.Trainer.Name}**, chosen by {TrainerSelection.Folds}-fold cross-validation on the training utterances:")
            .AppendJoin(Environment.NewLine, crossValidation.Select(result => string.Create(CultureInfo.InvariantCulture, $"  - {result.Trainer.Name}: macro-F1 {result.Evaluation.MacroF1:0.000}")))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Knowledge base: {knowledgeBase.Entries.Count} entries")
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
        if (recorded != TrainingDataFingerprint.Compute(training))
        {
            output.WriteLine($"Warning: the training utterances changed since this model was trained. Retrain with: {TrainCommand}");
        }
        var evaluation = IntentEvaluation.Evaluate(IntentClassifier.Load(files.Model), heldOut);
        output.WriteLine(MetricsReport.Render(evaluation, $"Committed model on the held-out utterances ({files.Model})"));
        return evaluation;
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
