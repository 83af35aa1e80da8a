using ArtBot.Knowledge.Embeddings;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// The safety screen's second layer: people describe red flags in words no phrase list foresees, so a message is also
/// compared, by meaning, with example sentences for each tier. It is escalated when it comes close enough to a tier's
/// examples and closer to them than to the benign look-alikes (ordinary soreness, gym chest ache, "dying to try it"),
/// or when the calibration's trained classifier (<see cref="SafetyClassifier"/>) gives it the tier.
/// </summary>
public sealed class SemanticSafetyLayer
{
    public const int MinimumWords = 3;

    private readonly ISentenceEmbedder _embedder;
    private readonly IReadOnlyList<(SafetyTier Tier, float[][] Vectors)> _tiers;
    private readonly float[][] _benign;
    private readonly IReadOnlyList<(SafetyTier Tier, SafetyClassifier.TierWeights Weights)> _classifier;

    public SemanticSafetyLayer(ISentenceEmbedder embedder, IReadOnlyList<(SafetyTier Tier, IReadOnlyList<string> Sentences)> tiers, IReadOnlyList<string> benign, SafetyCalibration calibration)
    {
        _embedder = embedder;
        _tiers = tiers.Select(tier => (tier.Tier, embedder.EmbedMany(tier.Sentences))).ToList();
        _benign = embedder.EmbedMany(benign);
        TierSentences = tiers;
        BenignSentences = benign;
        Calibration = calibration;
        Thresholds = tiers.ToDictionary(tier => tier.Tier, tier => calibration.Thresholds.TryGetValue(SafetyTiers.Name(tier.Tier), out var threshold) ? threshold : 1.0);
        Margins = tiers.ToDictionary(tier => tier.Tier, tier => calibration.Margins.TryGetValue(SafetyTiers.Name(tier.Tier), out var margin) ? margin : 1.0);
        _classifier = [.. SafetyTiers.GravestFirst
            .Where(tier => calibration.Classifier?.Tiers.ContainsKey(SafetyTiers.Name(tier)) == true)
            .Select(tier => (tier, calibration.Classifier!.Tiers[SafetyTiers.Name(tier)]))];
    }

    public SafetyCalibration Calibration { get; }

    /// <summary>The example sentences of each tier, gravest first.</summary>
    public IReadOnlyList<(SafetyTier Tier, IReadOnlyList<string> Sentences)> TierSentences { get; }

    /// <summary>The benign look-alikes: the exemplar file's and the calibration's.</summary>
    public IReadOnlyList<string> BenignSentences { get; }

    public IReadOnlyDictionary<SafetyTier, double> Thresholds { get; }

    public IReadOnlyDictionary<SafetyTier, double> Margins { get; }

    /// <summary>
    /// The tier the whole message reaches, or self-harm when one of its sentences does (<see cref="MessagePieces"/>):
    /// "I'm a burden, everyone would be better off. anyway does ART hurt?" is read sentence by sentence too. Medical red
    /// flags are read in the whole message only: a single sentence ("bumped my funny bone lol") says too little about
    /// the body, and the phrase rules read every sentence anyway.
    /// </summary>
    /// <param name="encoded">The message as the turn already encoded it: used for a piece that is the same text.</param>
    public SafetyTier Classify(string message, SentenceEncoding? encoded = null) => Decide(ScoreMessage(message, encoded: encoded));

    /// <summary>
    /// The scores of the whole message and of each of its sentences; pieces under <see cref="MinimumWords"/> words are
    /// not read, since two words carry too little meaning to compare ("forget me" is not "nobody would miss me").
    /// </summary>
    /// <param name="skipFor">For the calibration: the example to leave out when scoring a piece that is itself one.</param>
    public IReadOnlyList<SemanticScores> ScoreMessage(string message, Func<float[], float[]?>? skipFor = null, SentenceEncoding? encoded = null)
    {
        var pieces = PiecesRead(message);
        if (pieces.Count == 0)
        {
            return [];
        }
        var known = pieces.Select(piece => encoded is not null && encoded.IsOf(piece.Text) ? encoded : null).ToList();
        var fresh = new Queue<float[]>(_embedder.EmbedMany([.. pieces.Where((_, index) => known[index] is null).Select(piece => piece.Text)]));
        return [.. pieces.Select((piece, index) =>
        {
            var vector = known[index]?.Vector ?? fresh.Dequeue();
            return Score(vector, skipFor?.Invoke(vector)) with { IsWhole = piece.IsWhole };
        })];
    }

    /// <summary>
    /// Encodes what <see cref="ScoreMessage"/> will read of many messages (a test set, a calibration's examples) in one
    /// go, so batches of similar length are padded little; an embedder that keeps sentences then answers from memory.
    /// </summary>
    public void EncodeAhead(IEnumerable<string> messages)
    {
        var texts = messages.SelectMany(message => PiecesRead(message).Select(piece => piece.Text)).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count > 0)
        {
            _embedder.EmbedMany(texts);
        }
    }

    private static List<(string Text, bool IsWhole)> PiecesRead(string message) =>
        MessagePieces.Of(message)
            .Select((piece, index) => (Text: piece, IsWhole: index == 0))
            .Where(piece => MessagePieces.WordCount(piece.Text) >= MinimumWords)
            .ToList();

    /// <summary>The tier for a message's scores, the whole message's first and then each sentence's.</summary>
    public SafetyTier Decide(IReadOnlyList<SemanticScores> pieces)
    {
        var whole = pieces.FirstOrDefault(scores => scores.IsWhole) is { } scoresOfWhole ? Decide(scoresOfWhole) : SafetyTier.None;
        return pieces.Any(scores => !scores.IsWhole && Decide(scores) == SafetyTier.SelfHarm) ? SafetyTier.SelfHarm : whole;
    }

    /// <summary>
    /// The graver of the two readings. By nearest examples: of the tiers whose threshold the scores reach (and whose
    /// examples they are closer to than the benign ones), the closest: "tingling and weakness after my treatment" is
    /// near both stroke and post-treatment examples, and nearer the latter. By the classifier: of the tiers whose
    /// probability reaches its threshold, the one it passes by most. <see cref="SafetyTier.None"/> when no tier is reached.
    /// </summary>
    public SafetyTier Decide(SemanticScores scores)
    {
        var nearest = scores.Tiers
            .Where(tier => tier.Score >= Thresholds[tier.Tier] && tier.Score - scores.Benign >= Margins[tier.Tier])
            .ToList();
        var classified = scores.Classified.Where(tier => tier.Probability >= tier.Threshold).ToList();
        return SafetyTiers.Gravest(
            nearest.Count == 0 ? SafetyTier.None : nearest.MaxBy(tier => tier.Score).Tier,
            classified.Count == 0 ? SafetyTier.None : classified.MaxBy(tier => tier.Probability - tier.Threshold).Tier);
    }

    /// <summary>The message's closeness to each tier (gravest first) and to the benign look-alikes.</summary>
    /// <param name="skip">An example to leave out: the calibration scores each example against the others.</param>
    public SemanticScores Score(float[] vector, float[]? skip = null) => new(
        _tiers.Select(tier => (tier.Tier, Closeness(vector, tier.Vectors, skip))).ToList(),
        Closeness(vector, _benign, skip))
    {
        Classified = [.. _classifier.Select(tier => (tier.Tier, tier.Weights.Probability(vector), tier.Weights.Threshold))],
    };

    public IReadOnlyList<(SafetyTier Tier, float[][] Vectors)> TierVectors => _tiers;

    public float[][] BenignVectors => _benign;

    /// <summary>The mean similarity to the nearest few examples: one stray example cannot decide alone.</summary>
    private double Closeness(float[] vector, float[][] examples, float[]? skip = null)
    {
        var neighbours = Math.Min(Calibration.Neighbours, examples.Length);
        Span<float> best = stackalloc float[neighbours];
        best.Fill(-1);
        foreach (var example in examples)
        {
            if (ReferenceEquals(example, skip))
            {
                continue;
            }
            var similarity = VectorMath.Cosine(vector, example);
            var lowest = 0;
            for (var index = 1; index < neighbours; index++)
            {
                if (best[index] < best[lowest])
                {
                    lowest = index;
                }
            }
            if (similarity > best[lowest])
            {
                best[lowest] = similarity;
            }
        }
        var sum = 0.0;
        foreach (var similarity in best)
        {
            sum += similarity;
        }
        return sum / neighbours;
    }
}

public sealed record SemanticScores(IReadOnlyList<(SafetyTier Tier, double Score)> Tiers, double Benign)
{
    /// <summary>Scores of the whole message rather than of one of its sentences.</summary>
    public bool IsWhole { get; init; } = true;

    /// <summary>The classifier's probability for each tier it was trained for, with the tier's threshold.</summary>
    public IReadOnlyList<(SafetyTier Tier, double Probability, double Threshold)> Classified { get; init; } = [];
}
