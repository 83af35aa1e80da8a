using ArtBot.Knowledge.Intents;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ArtBot.Training;

/// <summary>Text in, intent out: word unigrams and bigrams for meaning, character n-grams for typos.</summary>
public static class IntentPipeline
{
    public static IEstimator<ITransformer> Create(MLContext mlContext, TrainerCandidate trainer) =>
        mlContext.Transforms.Conversion.MapValueToKey(ColumnNames.Label, ColumnNames.Intent)
            .Append(mlContext.Transforms.Text.FeaturizeText(ColumnNames.Features, FeaturizerOptions, ColumnNames.Text))
            .AppendCacheCheckpoint(mlContext)
            .Append(trainer.Create(mlContext))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue(ColumnNames.PredictedLabel));

    public static ITransformer Fit(MLContext mlContext, TrainerCandidate trainer, IEnumerable<Utterance> utterances) =>
        Create(mlContext, trainer).Fit(ToDataView(mlContext, utterances));

    public static IDataView ToDataView(MLContext mlContext, IEnumerable<Utterance> utterances) =>
        mlContext.Data.LoadFromEnumerable(utterances.Select(utterance => new IntentInput { Text = utterance.Text, Intent = utterance.Intent }).ToList());

    private static TextFeaturizingEstimator.Options FeaturizerOptions => new()
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
