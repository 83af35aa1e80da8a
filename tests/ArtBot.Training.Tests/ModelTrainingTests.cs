using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Validation;
using ArtBot.TestSupport;

namespace ArtBot.Training.Tests;

/// <summary>
/// The model trained twice on one copy of the data, once for the whole class: training is the slow part, and every
/// test here reads what it wrote without changing it. What training writes is under test here, not its figures (the
/// committed model's are, in the knowledge tests), so the copy keeps one training utterance in three, or the fewest the
/// validator accepts.
/// </summary>
public sealed class TrainedTwice : IDisposable
{
    public TrainedTwice()
    {
        Data.KeepOneTrainingUtteranceIn(3);
        var training = new ModelTraining(Data.Files, SharedEmbedder.Instance, Output);
        training.Train(ModelTrainingTests.OneTrainer);
        FirstReport = File.ReadAllText(Data.Files.MetricsReport);
        FirstScores = ModelTrainingTests.ScoresOfHeldOut(Data);
        Evaluation = training.Train(ModelTrainingTests.OneTrainer);
    }

    public KnowledgeDataCopy Data { get; } = new();

    public StringWriter Output { get; } = new();

    public string FirstReport { get; }

    public float[] FirstScores { get; }

    /// <summary>What the second training reported.</summary>
    public IntentEvaluation Evaluation { get; }

    public void Dispose() => Data.Dispose();
}

public sealed class ModelTrainingTests(TrainedTwice trained) : IClassFixture<TrainedTwice>, IDisposable
{
    // One trainer keeps the test quick; selection among several is the same loop.
    internal static readonly TrainerCandidate[] OneTrainer = [TrainerCandidate.All.First(candidate => candidate.Features == Knowledge.Intents.IntentFeatures.NgramsAndEncoder)];

    private readonly KnowledgeDataCopy _data = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_model_and_figures()
    {
        Assert.Equal(trained.FirstReport, File.ReadAllText(trained.Data.Files.MetricsReport));
        Assert.Equal(trained.FirstScores, ScoresOfHeldOut(trained.Data));
    }

    [Fact]
    public void Writes_a_model_that_records_its_training_data_and_a_report_next_to_it()
    {
        var files = trained.Data.Files;
        var evaluation = trained.Evaluation;

        var report = File.ReadAllText(files.MetricsReport);
        var (_, utterances) = Knowledge.Content.KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        Assert.Equal(TrainingDataFingerprint.Compute(utterances, SharedEmbedder.Instance.Name), IntentModelFile.ReadFingerprint(files.Model));
        Assert.Contains($"Macro-F1 **{evaluation.MacroF1:0.000}**", report);
        Assert.All(evaluation.Intents, intent => Assert.Contains($"| {intent} |", report));
        Assert.Contains("Cross-validating", trained.Output.ToString());
        Assert.Equal(Knowledge.Intents.IntentFeatures.NgramsAndEncoder, IntentModelFile.ReadFeatures(files.Model));
        Assert.All(["confusion-matrix.png", "confidence-histogram.png", "f1-per-intent.png"], plot =>
        {
            var path = Path.Combine(files.Directory, ModelPlots.FolderName, plot);
            Assert.True(new FileInfo(path).Length > 10_000, $"{plot} was not drawn");
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        });
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Evaluate_reproduces_the_figures_that_training_reported()
    {
        var evaluated = new ModelTraining(trained.Data.Files, SharedEmbedder.Instance, new StringWriter()).Evaluate();

        Assert.Equal(trained.Evaluation.MacroF1, evaluated.MacroF1);
        Assert.Equal(trained.Evaluation.Confusion, evaluated.Confusion);
    }

    [Fact]
    public void Evaluate_says_to_retrain_when_the_data_changed_since_training()
    {
        _data.AppendTrainingUtterance("muscle-knots", "knotty shoulders and scar tissue, same thing?");

        new ModelTraining(_data.Files, SharedEmbedder.Instance, _output).Evaluate();

        Assert.Contains("Retrain with: dotnet run --project training/ArtBot.Training -- train", _output.ToString());
    }

    [Fact]
    public void Refuses_to_train_on_a_broken_knowledge_base()
    {
        _data.EditKnowledgeBase(document => _data.Entry(document, "conditions")["answer"] = "");
        var modelBefore = File.ReadAllBytes(_data.Files.Model);

        var exception = Assert.Throws<InvalidKnowledgeException>(() => new ModelTraining(_data.Files, SharedEmbedder.Instance, _output).Train(OneTrainer));

        Assert.Contains("entry 'conditions', field 'answer'", exception.Message);
        Assert.Equal(modelBefore, File.ReadAllBytes(_data.Files.Model));
    }

    internal static float[] ScoresOfHeldOut(KnowledgeDataCopy data)
    {
        var classifier = IntentClassifier.Load(data.Files.Model, SharedEmbedder.Instance);
        return Knowledge.Intents.UtteranceSet.Load(data.Files.TestUtterances).All
            .SelectMany(utterance => classifier.Classify(utterance.Text).Scores.OrderBy(score => score.Intent, StringComparer.Ordinal).Select(score => score.Score))
            .ToArray();
    }
}
