using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ArtBot.Training;

/// <summary>
/// Text in, intent out. The n-gram features (word unigrams and bigrams for meaning, character n-grams for typos)
/// and the sentence encoder's embedding (for paraphrases that share no words) feed one maximum-entropy model.
/// </summary>
public static class IntentPipeline
{
    public static IEstimator<ITransformer> Create(MLContext mlContext, TrainerCandidate trainer) =>
        mlContext.Transforms.Conversion.MapValueToKey(ColumnNames.Label, ColumnNames.Intent)
            .Append(Featurize(mlContext, trainer.Features))
            .AppendCacheCheckpoint(mlContext)
            .Append(trainer.Create(mlContext))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue(ColumnNames.PredictedLabel));

    public static ITransformer Fit(MLContext mlContext, TrainerCandidate trainer, IEnumerable<Utterance> utterances, ISentenceEmbedder embedder) =>
        Create(mlContext, trainer).Fit(ToDataView(mlContext, utterances, embedder));

    public static IDataView ToDataView(MLContext mlContext, IEnumerable<Utterance> utterances, ISentenceEmbedder embedder)
    {
        var list = utterances.ToList();
        var embeddings = embedder.EmbedMany([.. list.Select(utterance => utterance.Text)]);
        return mlContext.Data.LoadFromEnumerable(list.Select((utterance, index) => new IntentInput
        {
            Text = utterance.Text,
            Embedding = embeddings[index],
            Intent = utterance.Intent,
        }).ToList());
    }

    private static IEstimator<ITransformer> Featurize(MLContext mlContext, IntentFeatures features) => features switch
    {
        IntentFeatures.Ngrams => mlContext.Transforms.Text.FeaturizeText(ColumnNames.Features, NgramOptions, ColumnNames.Text),
        IntentFeatures.Encoder => mlContext.Transforms.Concatenate(ColumnNames.Features, ColumnNames.Embedding),
        _ => mlContext.Transforms.Text.FeaturizeText(ColumnNames.NgramFeatures, NgramOptions, ColumnNames.Text)
            .Append(mlContext.Transforms.Concatenate(ColumnNames.Features, ColumnNames.NgramFeatures, ColumnNames.Embedding)),
    };

    private static TextFeaturizingEstimator.Options NgramOptions => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
