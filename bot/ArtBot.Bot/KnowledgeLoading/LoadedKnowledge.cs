using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>The validated knowledge base and the classifier trained for it, loaded together so they cannot disagree.</summary>
public sealed partial class LoadedKnowledge(KnowledgeBase knowledgeBase, IntentClassifier classifier)
{
    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;
    public IntentClassifier Classifier { get; } = classifier;

    /// <summary>The model for the knowledge base (read and validated first, on its own: it is quick, and the staff cards need only it).</summary>
    public static LoadedKnowledge Load(KnowledgeFiles files, KnowledgeSources sources, ISentenceEmbedder embedder, ILogger<LoadedKnowledge> logger)
    {
        var (knowledgeBase, training) = sources;
        var classifier = IntentClassifier.Load(files.Model, embedder);

        var expected = knowledgeBase.Entries.Select(entry => entry.Id).Append(Intent.None).Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(classifier.Intents.Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"The intent model {files.Model} knows [{string.Join(", ", classifier.Intents)}] but the knowledge base has " +
                $"[{string.Join(", ", expected)}]. Retrain with: dotnet run --project training/ArtBot.Training -- train");
        }
        if (IntentModelFile.ReadFingerprint(files.Model) != TrainingDataFingerprint.Compute(training, embedder.Name))
        {
            LogStaleModel(logger, files.Model);
        }
        return new LoadedKnowledge(knowledgeBase, classifier);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training utterances or the sentence encoder changed since {Model} was trained; retrain with: dotnet run --project training/ArtBot.Training -- train")]
    private static partial void LogStaleModel(ILogger logger, string model);
}

/// <summary>The knowledge base and the training utterances it was validated with, read once.</summary>
public sealed record KnowledgeSources(KnowledgeBase KnowledgeBase, UtteranceSet TrainingUtterances)
{
    public static KnowledgeSources Read(KnowledgeFiles files)
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        return new KnowledgeSources(knowledgeBase, training);
    }
}
