namespace ArtBot.Knowledge.Embeddings;

/// <summary>Turns a sentence into a unit-length vector whose direction carries its meaning, so paraphrases land close together.</summary>
public interface ISentenceEmbedder
{
    /// <summary>The encoder and its version: recorded in the intent model's fingerprint, so a changed encoder means retrain.</summary>
    string Name { get; }

    float[] Embed(string text);

    /// <summary>Several sentences at once: faster per sentence than one by one.</summary>
    float[][] EmbedMany(IReadOnlyList<string> texts);
}
