using System.Globalization;
using System.Text.RegularExpressions;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Training;

/// <summary>
/// How well a trained reading of red flags generalises to wording nobody tuned on, measured before a blind run: each
/// blind triage set was written by a different helper, so one set at a time is held out, a classifier is trained on the
/// others, and it is asked what the screen missed on that set's first (blind) run. Reports, per held-out set, how many
/// of those misses it catches and how many of the set's ordinary messages it would escalate.
/// </summary>
public sealed partial class HeldOutByWriter(ISentenceEmbedder embedder, PhraseRules rules, IReadOnlyList<string> faq, TextWriter output)
{
    public const double Budget = 0.002;

    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private List<string[]> _faqPieces = [];

    private sealed record Message(int Writer, SafetyTier Tier, string Text, string[] Pieces);

    public void Run(IReadOnlyList<string> setPaths, IReadOnlyList<string> firstRunPaths)
    {
        var messages = setPaths
            .SelectMany((path, writer) => SafetySetEvaluation.Read(path).Select(item => new Message(writer, item.Expected, item.Message, Pieces(item.Message))))
            .ToList();
        _faqPieces = [.. faq.Select(question => Pieces(question))];
        Embed(messages.SelectMany(message => message.Pieces).Concat(_faqPieces.SelectMany(pieces => pieces)));
        output.WriteLine($"{messages.Count} messages from {setPaths.Count} writers, {_vectors.Count} pieces embedded; budget {Budget:P2} of ordinary messages");
        foreach (var tier in new[] { SafetyTier.SelfHarm, SafetyTier.Emergency })
        {
            if (!messages.Any(message => message.Tier == tier))
            {
                output.WriteLine($"{SafetyTiers.Name(tier)}: no examples in these sets");
                continue;
            }
            int caughtTotal = 0, missedTotal = 0, alarmsTotal = 0, ordinaryTotal = 0;
            for (var writer = 0; writer < setPaths.Count; writer++)
            {
                var misses = FirstRunMisses(firstRunPaths[writer], tier);
                var training = messages.Where(message => message.Writer != writer).ToList();
                var threshold = Threshold(training, tier);
                var model = Fit(training, tier);
                var held = messages.Where(message => message.Writer == writer).ToList();
                var caught = misses.Count(miss => Score(model, Pieces(miss), tier) >= threshold);
                var alarms = held.Where(message => message.Tier == SafetyTier.None && Score(model, message.Pieces, tier) >= threshold).ToList();
                var ordinary = held.Count(message => message.Tier == SafetyTier.None);
                caughtTotal += caught;
                missedTotal += misses.Count;
                alarmsTotal += alarms.Count;
                ordinaryTotal += ordinary;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{SafetyTiers.Name(tier),-10} held out {Path.GetFileName(setPaths[writer]),-28} threshold {threshold:0.000}: caught {caught}/{misses.Count} first-run misses; ordinary escalated {alarms.Count}/{ordinary}"));
                foreach (var alarm in alarms.Take(3))
                {
                    output.WriteLine($"    false alarm: {alarm.Text}");
                }
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SafetyTiers.Name(tier)} overall: caught {caughtTotal}/{missedTotal} first-run misses; ordinary escalated {alarmsTotal}/{ordinaryTotal} ({(double)alarmsTotal / ordinaryTotal:P2})"));
        }
    }

    /// <summary>The pieces the classifier reads, as the screen reads them (the whole message always).</summary>
    private string[] Pieces(string message) =>
        [.. MessagePieces.Of(rules.WithoutLookAlikes(VisibleText.Of(message)))
            .Where((piece, index) => index == 0 || MessagePieces.WordCount(piece) >= SemanticSafetyLayer.MinimumWords)
            .Distinct(StringComparer.Ordinal)];

    private void Embed(IEnumerable<string> texts)
    {
        var missing = texts.Where(text => !_vectors.ContainsKey(text)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(256))
        {
            foreach (var (text, vector) in chunk.Zip(embedder.EmbedMany(chunk)))
            {
                _vectors[text] = vector;
            }
        }
    }

    /// <summary>
    /// Positives are whole messages of the tier; negatives every piece of every ordinary message and FAQ question, and
    /// (at a lower weight) whole messages of the other red-flag tiers.
    /// </summary>
    private (float[] Weights, double Bias) Fit(IReadOnlyList<Message> training, SafetyTier tier)
    {
        var inputs = new List<float[]>();
        var labels = new List<bool>();
        var weights = new List<double>();
        foreach (var message in training)
        {
            if (message.Tier == tier)
            {
                inputs.Add(_vectors[message.Pieces[0]]);
                labels.Add(true);
                weights.Add(1);
            }
            else if (message.Tier == SafetyTier.None)
            {
                foreach (var piece in tier == SafetyTier.SelfHarm ? message.Pieces : message.Pieces.Take(1))
                {
                    inputs.Add(_vectors[piece]);
                    labels.Add(false);
                    weights.Add(1);
                }
            }
            else
            {
                inputs.Add(_vectors[message.Pieces[0]]);
                labels.Add(false);
                weights.Add(SafetyClassifierTraining.OtherTierWeight);
            }
        }
        foreach (var piece in _faqPieces.SelectMany(pieces => tier == SafetyTier.SelfHarm ? pieces : pieces.Take(1)))
        {
            inputs.Add(_vectors[piece]);
            labels.Add(false);
            weights.Add(1);
        }
        var positives = labels.Count(label => label);
        var ratio = (double)(labels.Count - positives) / positives;
        for (var index = 0; index < labels.Count; index++)
        {
            weights[index] = labels[index] ? ratio : weights[index];
        }
        return LogisticRegression.Fit(inputs, labels, weights, SafetyClassifierTraining.Regularisation);
    }

    /// <summary>The lowest probability within budget on ordinary messages, each scored by a model trained without its writer (five folds by writer).</summary>
    private double Threshold(IReadOnlyList<Message> training, SafetyTier tier)
    {
        var writers = training.Select(message => message.Writer).Distinct().Order().ToList();
        var folds = writers.Select((writer, index) => (writer, fold: index % 5)).ToDictionary(pair => pair.writer, pair => pair.fold);
        var models = new (float[] Weights, double Bias)[5];
        Parallel.For(0, 5, fold => models[fold] = Fit([.. training.Where(message => folds[message.Writer] != fold)], tier));
        var scores = training.Where(message => message.Tier == SafetyTier.None)
            .Select(message => Score(models[folds[message.Writer]], message.Pieces, tier))
            .Concat(_faqPieces.Select(pieces => models.Max(model => Score(model, pieces, tier))))
            .OrderDescending()
            .ToList();
        return scores[(int)Math.Floor(Budget * scores.Count)] + 1e-9;
    }

    private double Score((float[] Weights, double Bias) model, IReadOnlyList<string> pieces, SafetyTier tier)
    {
        var read = tier == SafetyTier.SelfHarm ? pieces : pieces.Take(1);
        var weights = new SafetyClassifier.TierWeights(model.Weights, model.Bias, 1);
        return read.Select(piece => weights.Probability(_vectors.TryGetValue(piece, out var vector) ? vector : Added(piece))).DefaultIfEmpty(0).Max();
    }

    private float[] Added(string piece)
    {
        Embed([piece]);
        return _vectors[piece];
    }

    /// <summary>Red flags of the tier that the first run read as something less grave (or as another red-flag tier).</summary>
    private static List<string> FirstRunMisses(string path, SafetyTier tier) =>
        [.. File.ReadLines(path)
            .Select(line => MissLine().Match(line))
            .Where(match => match.Success && match.Groups["expected"].Value == SafetyTiers.Name(tier))
            .Select(match => match.Groups["message"].Value)];

    [GeneratedRegex(@"^(?<expected>[a-z-]+) read as (?<read>[a-z-]+): (?<message>.*)$")]
    private static partial Regex MissLine();
}
