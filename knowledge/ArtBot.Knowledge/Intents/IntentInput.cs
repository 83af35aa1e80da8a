namespace ArtBot.Knowledge.Intents;

/// <summary>The model's input row. <see cref="Intent"/> is the label when training and left empty when predicting.</summary>
public sealed class IntentInput
{
    public string Text { get; set; } = "";
    public string Intent { get; set; } = "";
}
