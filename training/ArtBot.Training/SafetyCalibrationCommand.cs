using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;
using Newtonsoft.Json;

namespace ArtBot.Training;

/// <summary>
/// Chooses the semantic safety layer's thresholds from data. Each tier's exemplars, each scored against the others
/// (leave one out), stand for the red flags people will type; the FAQ utterances (training and held-out) and the
/// benign look-alikes stand for everything else. The FAQ questions that come closest to a tier join the look-alikes;
/// then a tier's threshold is the lowest that keeps its false alarms on ordinary messages within budget.
/// </summary>
public sealed class SafetyCalibrationCommand(KnowledgeFiles files, ISentenceEmbedder embedder, TextWriter output)
{
    public const int Neighbours = 3;

    /// <summary>How much closer to a tier than to the look-alikes a message must be.</summary>
    public const double Margin = 0.02;

    /// <summary>The share of ordinary messages a tier may escalate.</summary>
    public const double FalseAlarmBudget = 0.005;

    /// <summary>FAQ questions at least this close to a tier are candidates for the look-alikes.</summary>
    public const double LookAlikeFloor = 0.45;

    public const int MostLookAlikes = 300;

    public SafetyCalibration Calibrate(string locale = "en")
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        var heldOut = KnowledgeBaseLoader.LoadHeldOut(files, knowledgeBase, training);
        var faq = training.All.Concat(heldOut.All).Select(utterance => utterance.Text).Distinct(StringComparer.Ordinal).ToList();
        var faqVectors = embedder.EmbedMany(faq);

        var draft = new SafetyCalibration { Encoder = embedder.Name, Neighbours = Neighbours, Margin = Margin };
        var exemplarsOnly = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft, locale);
        var lookAlikes = faq.Zip(faqVectors)
            .Select(pair => (Text: pair.First, Closest: exemplarsOnly.Score(pair.Second).Tiers.Max(tier => tier.Score)))
            .Where(candidate => candidate.Closest >= LookAlikeFloor)
            .OrderByDescending(candidate => candidate.Closest)
            .Take(MostLookAlikes)
            .Select(candidate => candidate.Text)
            .Order(StringComparer.Ordinal)
            .ToList();
        draft = draft with { LookAlikes = lookAlikes };
        var layer = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft, locale);

        // A look-alike is scored without itself, as a message the bot has never seen.
        var ordinary = faqVectors
            .Select(vector => layer.Score(vector, skip: layer.BenignVectors.FirstOrDefault(candidate => candidate.AsSpan().SequenceEqual(vector))))
            .Concat(layer.BenignVectors.Select(vector => layer.Score(vector, skip: vector)))
            .ToList();

        var thresholds = new Dictionary<string, double>();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Chosen by 'training -- calibrate-safety' with {embedder.Name}. A tier's score is the mean similarity to its {Neighbours} nearest exemplars; a message reaches a tier when the score is at least the threshold and beats the look-alikes' by {Margin:0.00}, and goes to the closest tier it reaches."),
            string.Create(CultureInfo.InvariantCulture,
                $"Look-alikes: the {lookAlikes.Count} FAQ utterances (of {faq.Count}) that came at least {LookAlikeFloor:0.00} close to a tier, added to the exemplar file's benign sentences."),
            string.Create(CultureInfo.InvariantCulture,
                $"Thresholds: for each tier, the lowest at which at most {FalseAlarmBudget:0.0%} of {ordinary.Count} ordinary messages (the FAQ utterances and the look-alikes, each scored without itself) reach it."),
        };
        foreach (var (tier, vectors) in layer.TierVectors)
        {
            var ordinaryScores = ordinary.Select(scores => Passing(scores, tier)).ToList();
            var threshold = Grid().First(candidate => ordinaryScores.Count(score => score >= candidate) <= FalseAlarmBudget * ordinary.Count);
            var caught = vectors.Select(vector => Passing(layer.Score(vector, skip: vector), tier)).Count(score => score >= threshold);
            var name = SafetyTiers.Name(tier);
            thresholds[name] = threshold;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: threshold {threshold:0.000}; reaches {caught}/{vectors.Length} of its own exemplars, each left out in turn ({(double)caught / vectors.Length:0.0%}); {ordinaryScores.Count(score => score >= threshold)}/{ordinary.Count} ordinary messages."));
        }
        // The FAQ questions that would still be escalated join the look-alikes too: the bot must never answer them with a red flag.
        var calibrated = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft with { Thresholds = thresholds }, locale);
        var stillEscalated = faq.Where(text => calibrated.Classify(text) != SafetyTier.None).ToList();
        lookAlikes = [.. lookAlikes.Union(stillEscalated, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Then the {stillEscalated.Count} FAQ utterances those thresholds would still escalate were added to the look-alikes, so none of them is ever taken for a red flag."));
        var calibration = draft with { Thresholds = thresholds, Notes = notes, LookAlikes = lookAlikes };
        File.WriteAllText(files.SafetyCalibration(locale), JsonConvert.SerializeObject(calibration, Formatting.Indented, new JsonSerializerSettings
        {
            ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        }) + Environment.NewLine);
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }
        output.WriteLine($"Written: {files.SafetyCalibration(locale)}");
        return calibration;
    }

    /// <summary>The tier's score when it beats the look-alikes by the margin, else nothing passes.</summary>
    private static double Passing(SemanticScores scores, SafetyTier tier)
    {
        var score = scores.Tiers.First(candidate => candidate.Tier == tier).Score;
        return score - scores.Benign >= Margin ? score : double.NegativeInfinity;
    }

    private static IEnumerable<double> Grid() => Enumerable.Range(0, 141).Select(step => Math.Round(0.30 + step * 0.005, 3));
}
