namespace ArtBot.Knowledge.Intents;

/// <summary>The column names the training pipeline and the classifier agree on.</summary>
public static class ColumnNames
{
    public const string Text = nameof(IntentInput.Text);
    public const string Intent = nameof(IntentInput.Intent);
    public const string Embedding = nameof(IntentInput.Embedding);
    public const string NgramFeatures = "NgramFeatures";
    public const string Label = "Label";
    public const string Features = "Features";
    public const string Score = "Score";
    public const string PredictedLabel = "PredictedLabel";
}
