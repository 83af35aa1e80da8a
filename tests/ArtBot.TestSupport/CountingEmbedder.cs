using ArtBot.Knowledge.Embeddings;

namespace ArtBot.TestSupport;

/// <summary>Records every text it is asked to encode, then asks the real encoder.</summary>
public sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
{
    public List<string> Asked { get; } = [];

    public string Name => inner.Name;

    public float[] Embed(string text)
    {
        lock (Asked)
        {
            Asked.Add(text);
        }
        return inner.Embed(text);
    }

    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        lock (Asked)
        {
            Asked.AddRange(texts);
        }
        return inner.EmbedMany(texts);
    }
}
