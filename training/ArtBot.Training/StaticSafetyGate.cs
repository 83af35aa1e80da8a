using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Training;

/// <summary>
/// Can the static table spare the safety screen the encoder? A message's sentences are compared, by their static
/// vectors, with each red-flag tier's examples; the gate's threshold is set just under the lowest score of any
/// sentence the encoder-backed layer escalates, in every labelled set, so on those sets the screen reads exactly as
/// before. Reported: the threshold, and the share of messages that would still pay for the encoder.
/// </summary>
public sealed class StaticSafetyGate(KnowledgeFiles files, SemanticSafetyLayer layer, StaticTokenEmbedder table, TextWriter output)
{
    private const double Margin = 0.02;

    public void Run(IReadOnlyList<string> labelledSets, string? blindSet)
    {
        var tiers = layer.TierSentences.Select(tier => table.EmbedMany(tier.Sentences)).ToList();
        var labelled = labelledSets.SelectMany(path => SafetySetEvaluation.Read(path).Select(row => row.Message))
            .Concat(SafetySetEvaluation.Read(files.SafetyClassifierExamples("en")).Select(row => row.Message))
            .Concat(layer.TierSentences.SelectMany(tier => tier.Sentences))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var faq = UtteranceSet.Load(files.TrainingUtterances).All.Concat(UtteranceSet.Load(files.TestUtterances).All)
            .Select(utterance => utterance.Text).ToList();
        var blind = blindSet is null ? [] : File.ReadLines(blindSet).Skip(1).Select(line => line.Split('\t')).Where(fields => fields.Length == 3).Select(fields => fields[1]).ToList();

        var lowestEscalated = double.MaxValue;
        var escalated = 0;
        var pieces = new List<(float[] Vector, bool Escalated)>();
        var redFlagPieces = new List<(float[] Vector, bool Escalated)>();
        foreach (var piece in labelled.Concat(faq).Concat(blind).SelectMany(Pieces).Distinct(StringComparer.Ordinal))
        {
            var tier = layer.Decide(layer.ScoreMessage(piece));
            var isEscalated = tier != SafetyTier.None;
            var vector = table.Embed(piece);
            pieces.Add((vector, isEscalated));
            redFlagPieces.Add((vector, tier is SafetyTier.SelfHarm or SafetyTier.Emergency or SafetyTier.Urgent));
            if (isEscalated)
            {
                escalated++;
                lowestEscalated = Math.Min(lowestEscalated, Gate(vector, tiers));
            }
        }
        output.WriteLine("Any tier the layer gives (the assessment line included):");
        LearnedGate(pieces, faq, blind, labelled);
        output.WriteLine("Red-flag tiers only (self-harm, emergency, urgent):");
        LearnedGate(redFlagPieces, faq, blind, labelled);
        var threshold = lowestEscalated - Margin;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Static gate: {escalated} sentences escalated by the encoder-backed layer; the lowest static score among them {lowestEscalated:0.000}; threshold {threshold:0.000}"));
        foreach (var (name, messages) in new[] { ("FAQ utterances (train and test)", faq), ("blind set", blind), ("labelled safety and triage sets", labelled) })
        {
            var reaching = messages.Count(message => Pieces(message).Any(piece => Gate(table.Embed(piece), tiers) >= threshold));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {reaching}/{messages.Count} ({(double)reaching / Math.Max(1, messages.Count):P1}) would still reach the encoder"));
        }
    }

    /// <summary>
    /// A logistic regression on the static vectors, learning which sentences the encoder-backed layer escalates; its
    /// threshold is the lowest probability of an escalated sentence. Five folds show how many escalated sentences a
    /// threshold chosen without them would let past: the recall such a gate could cost on wording it never saw.
    /// </summary>
    private void LearnedGate(List<(float[] Vector, bool Escalated)> pieces, List<string> faq, List<string> blind, List<string> labelled)
    {
        const int Folds = 5;
        var positives = pieces.Count(piece => piece.Escalated);
        double[] Weights(IEnumerable<(float[] Vector, bool Escalated)> rows) => [.. rows.Select(row => row.Escalated ? 0.5 / positives : 0.5 / (pieces.Count - positives))];
        var missedOutOfFold = 0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = pieces.Where((_, index) => index % Folds != fold).ToList();
            var held = pieces.Where((_, index) => index % Folds == fold).ToList();
            var (foldWeights, foldBias) = LogisticRegression.Fit([.. train.Select(row => row.Vector)], [.. train.Select(row => row.Escalated)], Weights(train), 1e-4);
            var foldThreshold = train.Where(row => row.Escalated).Min(row => Probability(foldWeights, foldBias, row.Vector));
            missedOutOfFold += held.Count(row => row.Escalated && Probability(foldWeights, foldBias, row.Vector) < foldThreshold);
        }
        var (weights, bias) = LogisticRegression.Fit([.. pieces.Select(row => row.Vector)], [.. pieces.Select(row => row.Escalated)], Weights(pieces), 1e-4);
        var threshold = pieces.Where(row => row.Escalated).Min(row => Probability(weights, bias, row.Vector));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Learned static gate: {positives} escalated of {pieces.Count} sentences; threshold {threshold:0.0000}; out of fold, {missedOutOfFold}/{positives} escalated sentences fell under their fold's threshold"));
        foreach (var (name, messages) in new[] { ("FAQ utterances (train and test)", faq), ("blind set", blind), ("labelled safety and triage sets", labelled) })
        {
            var reaching = messages.Count(message => Pieces(message).Any(piece => Probability(weights, bias, table.Embed(piece)) >= threshold));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {reaching}/{messages.Count} ({(double)reaching / Math.Max(1, messages.Count):P1}) would still reach the encoder"));
        }
    }

    private static double Probability(float[] weights, double bias, float[] vector) =>
        LogisticRegression.Sigmoid(System.Numerics.Tensors.TensorPrimitives.Dot(weights, vector) + bias);

    private static IEnumerable<string> Pieces(string message) =>
        MessagePieces.Of(message).Where(piece => MessagePieces.WordCount(piece) >= SemanticSafetyLayer.MinimumWords).Distinct(StringComparer.Ordinal);

    /// <summary>The closeness to the nearest red-flag tier, as the layer measures it (the mean of its nearest few examples), by static vectors.</summary>
    private double Gate(float[] vector, IReadOnlyList<float[][]> tiers) =>
        tiers.Max(examples => examples.Select(example => VectorMath.Cosine(vector, example)).OrderDescending().Take(layer.Calibration.Neighbours).Average());
}
