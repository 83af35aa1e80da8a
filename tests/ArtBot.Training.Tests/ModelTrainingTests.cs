using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Validation;
using ArtBot.TestSupport;

namespace ArtBot.Training.Tests;

public sealed class ModelTrainingTests : IDisposable
{
    // One trainer keeps the test quick; selection among several is the same loop.
    private static readonly TrainerCandidate[] OneTrainer = [TrainerCandidate.All.First(candidate => candidate.Features == Knowledge.Intents.IntentFeatures.NgramsAndEncoder)];

    private readonly KnowledgeDataCopy _data = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_model_and_figures()
    {
        var training = new ModelTraining(_data.Files, SharedEmbedder.Instance, _output);

        training.Train(OneTrainer);
        var firstReport = File.ReadAllText(_data.Files.MetricsReport);
        var firstScores = ScoresOfHeldOut();
        training.Train(OneTrainer);

        Assert.Equal(firstReport, File.ReadAllText(_data.Files.MetricsReport));
        Assert.Equal(firstScores, ScoresOfHeldOut());
    }

    [Fact]
    public void Writes_a_model_that_records_its_training_data_and_a_report_next_to_it()
    {
        var evaluation = new ModelTraining(_data.Files, SharedEmbedder.Instance, _output).Train(OneTrainer);

        var report = File.ReadAllText(_data.Files.MetricsReport);
        var (_, utterances) = Knowledge.Content.KnowledgeBaseLoader.LoadWithTrainingUtterances(_data.Files);
        Assert.Equal(TrainingDataFingerprint.Compute(utterances, SharedEmbedder.Instance.Name), IntentModelFile.ReadFingerprint(_data.Files.Model));
        Assert.Contains($"Macro-F1 **{evaluation.MacroF1:0.000}**", report);
        Assert.All(evaluation.Intents, intent => Assert.Contains($"| {intent} |", report));
        Assert.Contains("Cross-validating", _output.ToString());
        Assert.Equal(Knowledge.Intents.IntentFeatures.NgramsAndEncoder, IntentModelFile.ReadFeatures(_data.Files.Model));
        Assert.All(["confusion-matrix.png", "confidence-histogram.png", "f1-per-intent.png"], plot =>
        {
            var path = Path.Combine(_data.Files.Directory, ModelPlots.FolderName, plot);
            Assert.True(new FileInfo(path).Length > 10_000, $"{plot} was not drawn");
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        });
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Evaluate_reproduces_the_figures_that_training_reported()
    {
        var training = new ModelTraining(_data.Files, SharedEmbedder.Instance, _output);
        var trained = training.Train(OneTrainer);

        var evaluated = training.Evaluate();

        Assert.Equal(trained.MacroF1, evaluated.MacroF1);
        Assert.Equal(trained.Confusion, evaluated.Confusion);
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

    private float[] ScoresOfHeldOut()
    {
        var classifier = IntentClassifier.Load(_data.Files.Model, SharedEmbedder.Instance);
        return Knowledge.Intents.UtteranceSet.Load(_data.Files.TestUtterances).All
            .SelectMany(utterance => classifier.Classify(utterance.Text).Scores.OrderBy(score => score.Intent, StringComparer.Ordinal).Select(score => score.Score))
            .ToArray();
    }
}
