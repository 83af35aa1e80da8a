namespace ArtBot.Knowledge.Embeddings;

/// <summary>
/// One text's encoding, made at most once and only when something reads it: a turn's message is read by the safety
/// screen's meaning and by the intent classifier, and both take its vector from here. The encoder is uncased (its
/// tokenizer lower-cases what it reads), so the vector also stands for the same text in another case: the screen reads
/// "does art hurt?" where the person typed "Does ART hurt?".
/// </summary>
public sealed class SentenceEncoding(string text, ISentenceEmbedder embedder)
{
    // A failure is not kept: when the encoder fails for the screen (counted, and the rules decide alone), the
    // classifier asks again rather than failing with it.
    private readonly Lazy<float[]> _vector = new(() => embedder.Embed(text), LazyThreadSafetyMode.PublicationOnly);

    private readonly string _uncased = text.ToLowerInvariant();

    public string Text { get; } = text;

    public float[] Vector => _vector.Value;

    /// <summary>Whether this is the encoding of <paramref name="other"/>, in whatever case it is written.</summary>
    public bool IsOf(string other) => string.Equals(_uncased, other.ToLowerInvariant(), StringComparison.Ordinal);
}
