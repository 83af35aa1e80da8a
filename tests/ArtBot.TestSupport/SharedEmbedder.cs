using System.Collections.Concurrent;
using ArtBot.Knowledge.Embeddings;

namespace ArtBot.TestSupport;

/// <summary>
/// One sentence encoder for a whole test run: it holds about 130 MB and takes a second to load. Every sentence it has
/// encoded is kept for the rest of the run (<see cref="RememberingEmbedder"/>): the tests read the same exemplars,
/// FAQ questions and safety sets again and again, more of them than the encoder's own cache of recent sentences holds.
/// </summary>
public static class SharedEmbedder
{
    private static readonly Lazy<RememberingEmbedder> Embedder = new(() => new RememberingEmbedder(new MiniLmSentenceEmbedder()));

    public static ISentenceEmbedder Instance => Embedder.Value;
}

/// <summary>
/// The encoder, with every vector it returned kept for the rest of the process, under the lower-cased text as the
/// encoder keeps its own (its tokenizer lower-cases what it reads). For tests only: the bot's encoder keeps a bounded
/// number of recent sentences.
/// </summary>
public sealed class RememberingEmbedder(ISentenceEmbedder encoder) : ISentenceEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _encoded = new(StringComparer.Ordinal);

    public string Name => encoder.Name;

    public float[] Embed(string text) => EmbedMany([text])[0];

    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        var keys = texts.Select(text => text.ToLowerInvariant()).ToArray();
        var missing = keys.Distinct(StringComparer.Ordinal).Where(key => !_encoded.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            var vectors = encoder.EmbedMany(missing);
            for (var index = 0; index < missing.Count; index++)
            {
                _encoded.TryAdd(missing[index], vectors[index]);
            }
        }
        return [.. keys.Select(key => _encoded[key])];
    }
}
