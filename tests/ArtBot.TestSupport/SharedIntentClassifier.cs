using ArtBot.Knowledge;
using ArtBot.Knowledge.Intents;

namespace ArtBot.TestSupport;

/// <summary>
/// The committed intent model, loaded once for a whole test run over <see cref="SharedEmbedder"/>: every app and
/// conversation a test starts over the shipped knowledge answers with it, instead of reading the model file again.
/// </summary>
public static class SharedIntentClassifier
{
    private static readonly Lazy<IntentClassifier> Classifier = new(() => IntentClassifier.Load(KnowledgeFiles.Default.Model, SharedEmbedder.Instance));

    public static IntentClassifier Instance => Classifier.Value;
}
