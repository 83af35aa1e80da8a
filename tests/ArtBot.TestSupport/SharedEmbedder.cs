using ArtBot.Knowledge.Embeddings;

namespace ArtBot.TestSupport;

/// <summary>
/// One sentence encoder for a whole test run: it holds about 130 MB and takes a second to load, and it keeps every
/// sentence it has encoded (<see cref="MiniLmSentenceEmbedder.KeepingEverySentence"/>): the tests read the same
/// exemplars, FAQ questions and safety sets again and again, more of them than the bot's encoder keeps.
/// </summary>
public static class SharedEmbedder
{
    private static readonly Lazy<MiniLmSentenceEmbedder> Embedder = new(MiniLmSentenceEmbedder.KeepingEverySentence);

    public static ISentenceEmbedder Instance => Embedder.Value;
}
