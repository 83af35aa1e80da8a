using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Knowledge.Embeddings;

/// <summary>
/// Sentence vectors computed ahead of time (by the safety calibration) for one encoder, keyed by the SHA-256 of each
/// sentence, so that start-up does not embed a thousand example sentences again. A sentence it does not hold (an
/// exemplar edited since, or any message a person sends) goes to the encoder; a file made with another encoder is
/// ignored.
/// </summary>
public sealed class PrecomputedEmbeddings(ISentenceEmbedder encoder, IReadOnlyDictionary<string, float[]> byHash) : ISentenceEmbedder
{
    private const string Magic = "artbot-vectors-1";

    public string Name => encoder.Name;

    public int Count => byHash.Count;

    public float[] Embed(string text) => byHash.TryGetValue(Hash(text), out var vector) ? vector : encoder.Embed(text);

    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var missing = new List<int>();
        for (var index = 0; index < texts.Count; index++)
        {
            if (byHash.TryGetValue(Hash(texts[index]), out var vector))
            {
                vectors[index] = vector;
            }
            else
            {
                missing.Add(index);
            }
        }
        if (missing.Count > 0)
        {
            var embedded = encoder.EmbedMany(missing.Select(index => texts[index]).ToList());
            for (var position = 0; position < missing.Count; position++)
            {
                vectors[missing[position]] = embedded[position];
            }
        }
        return vectors;
    }

    /// <summary>The vectors in <paramref name="path"/> when it was written with <paramref name="encoder"/>; otherwise the encoder alone.</summary>
    public static PrecomputedEmbeddings Load(string path, ISentenceEmbedder encoder)
    {
        var byHash = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new PrecomputedEmbeddings(encoder, byHash);
        }
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadString() != encoder.Name)
        {
            return new PrecomputedEmbeddings(encoder, byHash);
        }
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        for (var item = 0; item < count; item++)
        {
            var hash = Convert.ToHexString(reader.ReadBytes(32));
            var vector = new float[dimensions];
            for (var index = 0; index < dimensions; index++)
            {
                vector[index] = reader.ReadSingle();
            }
            byHash[hash] = vector;
        }
        return new PrecomputedEmbeddings(encoder, byHash);
    }

    /// <summary>Embeds <paramref name="sentences"/> with <paramref name="encoder"/> and writes their vectors to <paramref name="path"/>.</summary>
    public static void Write(string path, ISentenceEmbedder encoder, IReadOnlyList<string> sentences)
    {
        var distinct = sentences.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var vectors = encoder.EmbedMany(distinct);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(encoder.Name);
        writer.Write(distinct.Count);
        writer.Write(vectors.FirstOrDefault()?.Length ?? 0);
        foreach (var (sentence, vector) in distinct.Zip(vectors))
        {
            writer.Write(SHA256.HashData(Encoding.UTF8.GetBytes(sentence)));
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
