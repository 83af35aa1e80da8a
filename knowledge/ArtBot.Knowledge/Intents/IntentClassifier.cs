using ArtBot.Knowledge.Embeddings;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArtBot.Knowledge.Intents;

/// <summary>
/// Ranks the intents of a message. Safe to share: the model (<see cref="ITransformer"/>) is thread-safe,
/// and each call borrows one of a pool of prediction engines, which are not. When the model reads the sentence
/// encoder's embedding, the classifier embeds the message first.
/// </summary>
public sealed class IntentClassifier : IIntentClassifier
{
    private static readonly float[] NoEmbedding = new float[MiniLmSentenceEmbedder.Dimensions];

    private readonly ObjectPool<PredictionEngine<IntentInput, IntentPrediction>> _engines;
    private readonly string[] _intents;
    private readonly ISentenceEmbedder _embedder;

    public IntentClassifier(MLContext mlContext, ITransformer model, IntentFeatures features, ISentenceEmbedder embedder)
    {
        var policy = new PredictionEnginePolicy(mlContext, model);
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(policy);
        _intents = ReadIntentNames(policy.Create());
        Features = features;
        _embedder = embedder;
    }

    public static IntentClassifier Load(string modelPath, ISentenceEmbedder embedder)
    {
        var mlContext = new MLContext(seed: 1);
        return new IntentClassifier(mlContext, IntentModelFile.Load(mlContext, modelPath), IntentModelFile.ReadFeatures(modelPath), embedder);
    }

    /// <summary>The intents the model knows, in the order of its scores.</summary>
    public IReadOnlyList<string> Intents => _intents;

    public IntentFeatures Features { get; }

    public IntentRanking Classify(string text) => Classify(new SentenceEncoding(text, _embedder));

    public IntentRanking Classify(SentenceEncoding encoded)
    {
        var input = new IntentInput
        {
            Text = encoded.Text,
            Embedding = Features == IntentFeatures.Ngrams ? NoEmbedding : encoded.Vector,
        };
        var engine = _engines.Get();
        try
        {
            var prediction = engine.Predict(input);
            var scores = new IntentScore[_intents.Length];
            for (var index = 0; index < scores.Length; index++)
            {
                scores[index] = new IntentScore(_intents[index], prediction.Score[index]);
            }
            Array.Sort(scores, (left, right) => right.Score.CompareTo(left.Score));
            return new IntentRanking(scores);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private static string[] ReadIntentNames(PredictionEngine<IntentInput, IntentPrediction> engine)
    {
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        engine.OutputSchema[ColumnNames.Score].GetSlotNames(ref slotNames);
        return slotNames.DenseValues().Select(name => name.ToString()).ToArray();
    }

    private sealed class PredictionEnginePolicy(MLContext mlContext, ITransformer model)
        : PooledObjectPolicy<PredictionEngine<IntentInput, IntentPrediction>>
    {
        public override PredictionEngine<IntentInput, IntentPrediction> Create() =>
            mlContext.Model.CreatePredictionEngine<IntentInput, IntentPrediction>(model);

        public override bool Return(PredictionEngine<IntentInput, IntentPrediction> engine) => true;
    }
}
