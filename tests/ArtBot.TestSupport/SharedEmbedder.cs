using ArtBot.Knowledge.Embeddings;

namespace ArtBot.TestSupport;

/// <summary>
/// One sentence encoder for a whole test run: it holds about 130 MB and takes a second to load, and it caches what it
/// has embedded, so the safety exemplars are embedded once however many apps the tests start.
/// </summary>
public static class SharedEmbedder
{
    private static readonly Lazy<MiniLmSentenceEmbedder> Embedder = new(() => new MiniLmSentenceEmbedder());

    public static ISentenceEmbedder Instance => Embedder.Value;
}
