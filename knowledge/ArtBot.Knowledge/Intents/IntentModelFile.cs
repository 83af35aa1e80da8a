using System.IO.Compression;
using Microsoft.ML;

namespace ArtBot.Knowledge.Intents;

/// <summary>
/// The trained model as ML.NET saves it, plus one extra zip entry holding the fingerprint of the training data,
/// so a stale model (data changed, model not retrained) can be detected.
/// </summary>
public static class IntentModelFile
{
    private const string FingerprintEntry = "ArtBot/training-data.sha256";

    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string fingerprint, string path)
    {
        mlContext.Model.Save(model, inputSchema, path);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = archive.CreateEntry(FingerprintEntry, CompressionLevel.NoCompression);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open());
        writer.Write(fingerprint);
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
    public static string? ReadFingerprint(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entry = archive.GetEntry(FingerprintEntry);
        if (entry is null)
        {
            return null;
        }
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
