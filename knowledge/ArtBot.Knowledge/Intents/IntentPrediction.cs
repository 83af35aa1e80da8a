using Microsoft.ML.Data;

namespace ArtBot.Knowledge.Intents;

/// <summary>The model's output row: the best intent and one probability per intent, in the order of the Score column's slot names.</summary>
public sealed class IntentPrediction
{
    [ColumnName(ColumnNames.PredictedLabel)]
    public string PredictedIntent { get; set; } = "";

    [ColumnName(ColumnNames.Score)]
    public float[] Score { get; set; } = [];
}
