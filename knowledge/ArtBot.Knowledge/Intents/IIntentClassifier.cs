namespace ArtBot.Knowledge.Intents;

public interface IIntentClassifier
{
    /// <summary>Every intent with its probability for <paramref name="text"/>, best first.</summary>
    IntentRanking Classify(string text);

    /// <summary>The same, from a text already encoded (a turn's message), so it is not encoded again.</summary>
    IntentRanking Classify(Embeddings.SentenceEncoding encoded) => Classify(encoded.Text);
}
