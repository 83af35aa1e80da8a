using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>The intent model, loaded and checked against the knowledge base it answers for, so the two cannot disagree.</summary>
public static partial class IntentModelLoader
{
    public static IntentClassifier Load(KnowledgeFiles files, KnowledgeSources sources, ISentenceEmbedder embedder, ILogger logger)
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
        return classifier;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training utterances or the sentence encoder changed since {Model} was trained; retrain with: dotnet run --project training/ArtBot.Training -- train")]
    private static partial void LogStaleModel(ILogger logger, string model);
}
