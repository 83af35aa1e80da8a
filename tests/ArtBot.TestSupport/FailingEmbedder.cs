using ArtBot.Knowledge.Embeddings;

namespace ArtBot.TestSupport;

/// <summary>The shared encoder until <see cref="Failing"/> is set; then every call throws, as a broken ONNX runtime would.</summary>
public sealed class FailingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
{
    public bool Failing { get; set; }

    public string Name => inner.Name;

    public float[] Embed(string text) => Failing ? throw new InvalidOperationException("the encoder is gone") : inner.Embed(text);

    public float[][] EmbedMany(IReadOnlyList<string> texts) => Failing ? throw new InvalidOperationException("the encoder is gone") : inner.EmbedMany(texts);
}
