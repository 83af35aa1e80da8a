using System.IO.Compression;
using Microsoft.ML;

namespace ArtBot.Knowledge.Intents;

/// <summary>
/// The trained model as ML.NET saves it, plus two extra zip entries: the fingerprint of the training data and the
/// encoder (so a stale model can be detected) and which features the model reads.
/// </summary>
public static class IntentModelFile
{
    private const string FingerprintEntry = "ArtBot/training-data.sha256";
    private const string FeaturesEntry = "ArtBot/features.txt";

    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, IntentFeatures features, string fingerprint, string path)
    {
        mlContext.Model.Save(model, inputSchema, path);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        WriteEntry(archive, FingerprintEntry, fingerprint);
        WriteEntry(archive, FeaturesEntry, features.ToString());
    }

    public static ITransformer Load(MLContext mlContext, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The intent model {path} was not found. Train it with: dotnet run --project training/ArtBot.Training -- train", path);
        }
        return mlContext.Model.Load(path, out _);
    }

    /// <summary>The fingerprint of the data the model was trained on, or null for a model saved without one.</summary>
    public static string? ReadFingerprint(string path) => ReadEntry(path, FingerprintEntry);

    /// <summary>What the model reads; models saved before the encoder existed read n-grams only.</summary>
    public static IntentFeatures ReadFeatures(string path) =>
        Enum.TryParse<IntentFeatures>(ReadEntry(path, FeaturesEntry), out var features) ? features : IntentFeatures.Ngrams;

    private static void WriteEntry(ZipArchive archive, string name, string content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open());
        writer.Write(content);
    }

    private static string? ReadEntry(string path, string name)
    {
        using var archive = ZipFile.OpenRead(path);
        var entry = archive.GetEntry(name);
        if (entry is null)
        {
            return null;
        }
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
