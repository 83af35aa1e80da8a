using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Training;

/// <summary>
/// Trains the safety layer's classifier (<see cref="SafetyClassifier"/>): for each of <see cref="Tiers"/>, a
/// logistic regression over the sentence vector of the tier's exemplars against every ordinary message (the everyday
/// complaints, the FAQ utterances, the benign look-alikes, and each of their sentences, since self-harm is read sentence
/// by sentence), and the classifier's own labelled examples (<see cref="KnowledgeFiles.SafetyClassifierExamples"/>, and for
/// emergencies <see cref="KnowledgeFiles.SafetyEmergencyClassifierExamples"/> too), whose everyday messages count as
/// everyday complaints. The other red-flag tiers count against a tier at a lower weight.
/// A tier's threshold is the lowest probability within its false-alarm budget, each ordinary message scored as the
/// screen reads it by a model that did not see it (five folds), and above every FAQ utterance.
/// </summary>
public sealed class SafetyClassifierTraining(ISentenceEmbedder embedder, PhraseRules rules)
{
    public const int Folds = 5;
    public const double Regularisation = 1e-4;
    public const double OtherTierWeight = 0.3;

    /// <summary>
    /// How much a FAQ question (and each of its sentences) weighs against an emergency, beside an everyday complaint's 1:
    /// emergencies often ask what to do ("should I see a doctor?"), so without this the classifier takes "can u give me medical
    /// advice" for an emergency, and a threshold kept above every question would then stand too high to catch anything.
    /// </summary>
    public const double QuestionWeight = 10;

    /// <summary>
    /// How far above the closest FAQ utterance a threshold stays: a sentence encoded alone and in a padded batch
    /// differs in the last digits, and a question must not cross the line on that.
    /// </summary>
    public const double EncodingTolerance = 0.001;

    /// <summary>
    /// Self-harm, read in every sentence, and emergency, read in the whole message. An emergency classifier trained on
    /// blind set 6 alone read requests for medical advice as emergencies ("pretend you are my doctor…"); it now learns
    /// from every retired blind set, with each FAQ question weighing against it and its threshold above all of them.
    /// Held out by writer (<c>training -- heldout-safety</c>, a simpler fit: questions weigh as much as everyday
    /// messages, the threshold within a 0.2 % budget), such a classifier caught 42 of the 102 emergencies that blind
    /// sets 8 to 15 had missed on their first runs, escalating 9 of their 5,405 everyday messages.
    /// </summary>
    public static IReadOnlyList<SafetyTier> Tiers { get; } = [SafetyTier.SelfHarm, SafetyTier.Emergency];

    private sealed record Example(string Text, SafetyTier Label, float[] Vector, bool IsQuestion);

    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _pieces = new(StringComparer.Ordinal);

    /// <param name="ownExamplesFor">The labelled messages each tier's classifier learns from.</param>
    public (SafetyClassifier Classifier, IReadOnlyList<string> Notes) Train(
        IReadOnlyList<(SafetyTier Tier, IReadOnlyList<string> Sentences)> exemplars,
        IReadOnlyList<string> faq,
        IReadOnlyList<string> everyday,
        IReadOnlyList<string> benign,
        Func<SafetyTier, IReadOnlyList<(SafetyTier Expected, string Message)>> ownExamplesFor,
        Func<SafetyTier, double> budget)
    {
        var weights = new Dictionary<string, SafetyClassifier.TierWeights>();
        var notes = new List<string>();
        foreach (var tier in Tiers)
        {
            var (tierWeights, tierNotes) = TrainTier(tier, exemplars, faq, everyday, benign, ownExamplesFor(tier), budget(tier));
            weights[SafetyTiers.Name(tier)] = tierWeights;
            notes.AddRange(tierNotes);
        }
        return (new SafetyClassifier { Tiers = weights }, notes);
    }

    private (SafetyClassifier.TierWeights Weights, IReadOnlyList<string> Notes) TrainTier(
        SafetyTier tier,
        IReadOnlyList<(SafetyTier Tier, IReadOnlyList<string> Sentences)> exemplars,
        IReadOnlyList<string> faq,
        IReadOnlyList<string> everyday,
        IReadOnlyList<string> benign,
        IReadOnlyList<(SafetyTier Expected, string Message)> ownExamples,
        double budget)
    {
        everyday = [.. everyday.Concat(ownExamples.Where(example => example.Expected == SafetyTier.None).Select(example => example.Message)).Distinct(StringComparer.Ordinal)];
        var redFlags = exemplars.SelectMany(tier => tier.Sentences.Select(sentence => (Tier: tier.Tier, Message: sentence)))
            .Concat(ownExamples.Select(example => (Tier: example.Expected, example.Message)))
            .Where(example => example.Tier is SafetyTier.SelfHarm or SafetyTier.Emergency or SafetyTier.Urgent);
        var texts = new List<(string Text, SafetyTier Label)>();
        texts.AddRange(redFlags.Select(example => (rules.WithoutLookAlikes(example.Message), example.Tier)));
        texts.AddRange(everyday.Concat(faq).Concat(benign).Select(message => (rules.WithoutLookAlikes(message), SafetyTier.None)));
        texts.AddRange(everyday.Concat(faq).SelectMany(message => Pieces(message).Skip(1)).Select(piece => (piece, SafetyTier.None)));
        var unique = texts.DistinctBy(text => text.Text, StringComparer.Ordinal).ToList();
        var missing = unique.Select(text => text.Text).Where(text => !_vectors.ContainsKey(text)).ToList();
        foreach (var (text, vector) in missing.Zip(embedder.EmbedMany(missing)))
        {
            _vectors[text] = vector;
        }
        var vectors = unique.Select(text => _vectors[text.Text]).ToList();
        var questions = faq.Concat(faq.SelectMany(message => Pieces(message))).Select(rules.WithoutLookAlikes).ToHashSet(StringComparer.Ordinal);
        var examples = unique.Zip(vectors, (text, vector) => new Example(text.Text, text.Label, vector, text.Label == SafetyTier.None && questions.Contains(text.Text))).ToList();
        var byText = examples.Select((example, index) => (example.Text, index)).ToDictionary(pair => pair.Text, pair => pair.index, StringComparer.Ordinal);

        float[] VectorOf(string piece) => byText.TryGetValue(piece, out var index) ? examples[index].Vector : embedder.Embed(piece);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Classifier {SafetyTiers.Name(tier)}: a logistic regression (L2 {Regularisation}, other red-flag tiers weighted {OtherTierWeight}) over the vectors of {examples.Count(example => example.Label != SafetyTier.None)} red flags (the exemplars and the classifier's own examples) and {examples.Count(example => example.Label == SafetyTier.None)} ordinary messages and their sentences; thresholds from {Folds}-fold out-of-fold probabilities, within the same budgets, and above every FAQ utterance."),
        };
        // Each fold's model and the final one are independent fits: run them side by side.
        var models = new (float[] Weights, double Bias)[Folds + 1];
        Parallel.For(0, Folds + 1, fold => models[fold] = Fit(tier, fold == Folds ? examples : [.. examples.Where(example => FoldOf(example.Text) != fold)]));
        var outOfFold = examples.Select(example => Probability(models[FoldOf(example.Text)], example.Vector)).ToArray();
        var final = models[Folds];
        double MessageScore(string message) => Pieces(message)
            .Take(tier == SafetyTier.SelfHarm ? int.MaxValue : 1)
            .Select(piece => byText.TryGetValue(piece, out var index) ? outOfFold[index] : Probability(final, VectorOf(piece)))
            .DefaultIfEmpty(0)
            .Max();
        var withinBudget = new[] { everyday, faq }.Max(messages => LowestWithin(messages.Select(MessageScore).ToList(), budget));
        var closestQuestion = faq.MaxBy(message => Pieces(message).Select(piece => Probability(final, VectorOf(piece))).DefaultIfEmpty(0).Max())!;
        var aboveEveryQuestion = Pieces(closestQuestion).Select(piece => Probability(final, VectorOf(piece))).DefaultIfEmpty(0).Max() + EncodingTolerance;
        var threshold = Math.Max(withinBudget, aboveEveryQuestion);
        threshold = Math.Ceiling(threshold * 10_000) / 10_000;
        var own = examples.Select((example, index) => (example, index)).Where(pair => pair.example.Label == tier).ToList();
        var raised = aboveEveryQuestion > withinBudget
            ? string.Create(CultureInfo.InvariantCulture, $"; raised from {withinBudget:0.000} to stay above the FAQ utterance '{closestQuestion}'")
            : "";
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"classifier {SafetyTiers.Name(tier)}: threshold {threshold:0.000}; reaches {own.Count(pair => outOfFold[pair.index] >= threshold)}/{own.Count} of its exemplars out of fold; " +
            $"everyday complaints {everyday.Count(message => MessageScore(message) >= threshold)}/{everyday.Count}{raised}."));
        return (new SafetyClassifier.TierWeights(final.Weights, final.Bias, threshold), notes);
    }

    /// <summary>
    /// The sentences the screen reads, masked as it masks them: the whole message first. Kept per message, since every
    /// message is read several times for each tier and the rules' masks are the slower part of reading it.
    /// </summary>
    private List<string> Pieces(string message)
    {
        if (!_pieces.TryGetValue(message, out var pieces))
        {
            pieces = [.. MessagePieces.Of(rules.WithoutLookAlikes(message)).Where(piece => MessagePieces.WordCount(piece) >= SemanticSafetyLayer.MinimumWords)];
            _pieces[message] = pieces;
        }
        return pieces;
    }

    private static (float[] Weights, double Bias) Fit(SafetyTier tier, IReadOnlyList<Example> examples)
    {
        var positives = examples.Count(example => example.Label == tier);
        var negatives = examples.Count - positives;
        return LogisticRegression.Fit(
            [.. examples.Select(example => example.Vector)],
            [.. examples.Select(example => example.Label == tier)],
            [.. examples.Select(example => example.Label == tier ? (double)negatives / positives : example.IsQuestion && tier == SafetyTier.Emergency ? QuestionWeight : example.Label == SafetyTier.None ? 1 : OtherTierWeight)],
            Regularisation);
    }

    private static double Probability((float[] Weights, double Bias) model, float[] vector) =>
        new SafetyClassifier.TierWeights(model.Weights, model.Bias, 1).Probability(vector);

    /// <summary>The lowest threshold that at most <paramref name="budget"/> of the scores reach.</summary>
    private static double LowestWithin(List<double> scores, double budget)
    {
        scores.Sort((one, other) => other.CompareTo(one));
        var allowed = (int)Math.Floor(budget * scores.Count);
        return allowed < scores.Count ? scores[allowed] + 1e-9 : 0;
    }

    /// <summary>A fold from the text itself (not <see cref="string.GetHashCode()"/>, which changes between runs).</summary>
    private static int FoldOf(string text)
    {
        var hash = 17u;
        foreach (var character in text)
        {
            hash = unchecked(hash * 31 + character);
        }
        return (int)(hash % Folds);
    }
}
