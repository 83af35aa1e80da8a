using ArtBot.Knowledge.Embeddings;
using Microsoft.ML.Data;

namespace ArtBot.Knowledge.Intents;

/// <summary>
/// The model's input row: the text for the n-gram features and its sentence embedding.
/// <see cref="Intent"/> is the label when training and left empty when predicting.
/// </summary>
public sealed class IntentInput
{
    public string Text { get; set; } = "";

    [VectorType(MiniLmSentenceEmbedder.Dimensions)]
    public float[] Embedding { get; set; } = new float[MiniLmSentenceEmbedder.Dimensions];

    public string Intent { get; set; } = "";
}
