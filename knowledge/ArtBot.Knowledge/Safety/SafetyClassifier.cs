using System.Numerics.Tensors;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// The semantic layer's trained reading: per tier, a logistic regression over the sentence vector, trained by
/// <c>training -- calibrate-safety</c> on every exemplar of the tier against the clinic's everyday complaints and the
/// FAQ questions. Nearest examples recognise wording close to one they hold; the classifier weighs every example at
/// once, so it also recognises wording between them ("the only thing stopping me is my dog").
/// </summary>
public sealed record SafetyClassifier
{
    /// <summary>The weights of each tier it was trained for, by tier name (<c>self-harm</c> and <c>emergency</c>).</summary>
    public IReadOnlyDictionary<string, TierWeights> Tiers { get; init; } = new Dictionary<string, TierWeights>();

    /// <param name="Weights">One weight per dimension of the encoder's vectors.</param>
    /// <param name="Threshold">The probability from which a message reaches the tier, chosen within the tier's false-alarm budget.</param>
    public sealed record TierWeights(float[] Weights, double Bias, double Threshold)
    {
        public double Probability(ReadOnlySpan<float> vector) => 1 / (1 + Math.Exp(-(TensorPrimitives.Dot(Weights, vector) + Bias)));
    }
}
