using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;
using Newtonsoft.Json;

namespace ArtBot.Training;

/// <summary>
/// Chooses the semantic safety layer's thresholds from data. Each tier's exemplars, each scored against the others
/// (leave one out), stand for the red flags people will type; two kinds of ordinary message stand for everything else:
/// the FAQ utterances (training and held-out) and the clinic's everyday complaints (<c>safety/en.everyday.tsv</c>).
/// The everyday complaints and the FAQ questions that come closest to a tier join the look-alikes; then a tier's
/// threshold is the lowest that keeps its false alarms within budget, each ordinary message read as the screen reads
/// it (whole and sentence by sentence) and scored without itself.
/// </summary>
public sealed class SafetyCalibrationCommand(KnowledgeFiles files, ISentenceEmbedder embedder, TextWriter output)
{
    public const int Neighbours = 3;

    /// <summary>How much closer to a tier than to the look-alikes a message must be: chosen per tier among these.</summary>
    public static readonly IReadOnlyList<double> MarginChoices = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10];

    /// <summary>
    /// The share of ordinary messages that 911, or the crisis line, may be given to by meaning: 0.15 % each, so that with
    /// the rules' own false alarms the two together stay under the half a percent the clinic accepts.
    /// </summary>
    public const double EmergencyFalseAlarmBudget = 0.0015;

    /// <summary>The share of ordinary messages that may be told "today" (urgent) or offered an assessment by meaning alone.</summary>
    public const double OtherFalseAlarmBudget = 0.01;

    /// <summary>FAQ questions at least this close to a tier are candidates for the look-alikes.</summary>
    public const double LookAlikeFloor = 0.45;

    public const int MostLookAlikes = 300;

    /// <summary>
    /// How many of the everyday complaints join the look-alikes, closest to a tier first. Their vectors are precomputed
    /// (safety/en.vectors.bin), so more look-alikes cost file size, not start-up time.
    /// </summary>
    public const int MostEverydayLookAlikes = 600;

    public SafetyCalibration Calibrate(string locale = "en")
    {
        var faq = FaqQuestions(files);
        var everyday = SafetySetEvaluation.Read(files.SafetyEverydayComplaints(locale)).Select(item => item.Message).Distinct(StringComparer.Ordinal).ToList();
        var faqVectors = embedder.EmbedMany(faq);

        var rules = SafetyScreen.Load(files, locale).Rules;
        var draft = new SafetyCalibration { Encoder = embedder.Name, Neighbours = Neighbours, Margins = SafetyTiers.GravestFirst.ToDictionary(SafetyTiers.Name, _ => MarginChoices[0]) };
        var exemplarsOnly = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft, locale);
        var faqLookAlikes = ClosestToATier(exemplarsOnly, faq, faqVectors, MostLookAlikes);
        var everydayLookAlikes = ClosestToATier(exemplarsOnly, everyday, embedder.EmbedMany(everyday), MostEverydayLookAlikes);
        var lookAlikes = everydayLookAlikes.Union(faqLookAlikes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        draft = draft with { LookAlikes = lookAlikes };
        var layer = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft, locale);

        var faqRead = faq.Select(rules.WithoutLookAlikes).ToList();
        var everydayRead = everyday.Select(rules.WithoutLookAlikes).ToList();
        layer.EncodeAhead(faqRead.Concat(everydayRead));
        var faqScores = faqRead.Select(message => PieceScores(layer, message)).ToList();
        var everydayScores = everydayRead.Select(message => PieceScores(layer, message)).ToList();

        var thresholds = new Dictionary<string, double>();
        var margins = new Dictionary<string, double>();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Chosen by 'training -- calibrate-safety' with {embedder.Name}. A tier's score is the mean similarity to its {Neighbours} nearest exemplars; a message (the whole for every tier, each sentence too for self-harm, read without the look-alikes and denials the rules mask) reaches a tier when the score is at least the tier's threshold and beats the look-alikes' by the tier's margin, and goes to the closest tier it reaches."),
            string.Create(CultureInfo.InvariantCulture,
                $"Look-alikes: the {everydayLookAlikes.Count} everyday complaints (of {everyday.Count}, safety/{locale}.everyday.tsv) and the {faqLookAlikes.Count} FAQ utterances (of {faq.Count}) closest to a tier, at least {LookAlikeFloor:0.00} close, added to the exemplar file's benign sentences."),
            string.Create(CultureInfo.InvariantCulture,
                $"Thresholds and margins: for each tier and each margin ({string.Join(", ", MarginChoices)}), the lowest threshold at which at most {EmergencyFalseAlarmBudget:0.00%} (self-harm, emergency) or {OtherFalseAlarmBudget:0.0%} (urgent, assessment) of the {faq.Count} FAQ utterances, and of the {everyday.Count} everyday complaints, reach it, each scored without itself; of those, the margin that reaches most of the tier's own exemplars (each left out in turn), the larger on a tie."),
        };
        foreach (var (tier, vectors) in layer.TierVectors)
        {
            var budget = tier is SafetyTier.Emergency or SafetyTier.SelfHarm ? EmergencyFalseAlarmBudget : OtherFalseAlarmBudget;
            var own = vectors.Select(vector => (IReadOnlyList<SemanticScores>)[layer.Score(vector, skip: vector)]).ToList();
            var (threshold, margin, caught) = MarginChoices
                .Select(candidate =>
                {
                    var lowest = Grid().First(level =>
                        Reaching(faqScores, tier, level, candidate) <= budget * faq.Count && Reaching(everydayScores, tier, level, candidate) <= budget * everyday.Count);
                    return (Threshold: lowest, Margin: candidate, Caught: own.Count(scores => Passing(scores, tier, candidate) >= lowest));
                })
                .OrderByDescending(choice => choice.Caught).ThenByDescending(choice => choice.Margin)
                .First();
            var name = SafetyTiers.Name(tier);
            thresholds[name] = threshold;
            margins[name] = margin;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: threshold {threshold:0.000}, margin {margin:0.00}; reaches {caught}/{vectors.Length} of its own exemplars, each left out in turn ({(double)caught / vectors.Length:0.0%}); " +
                $"FAQ utterances {Reaching(faqScores, tier, threshold, margin)}/{faq.Count}, everyday complaints {Reaching(everydayScores, tier, threshold, margin)}/{everyday.Count}."));
        }
        // The FAQ questions that would still be escalated join the look-alikes too: the bot must never answer them with a red flag.
        var calibrated = SemanticSafetyLoader.LoadForCalibration(files, embedder, draft with { Thresholds = thresholds, Margins = margins }, locale);
        var stillEscalated = faq.Where(text => calibrated.Classify(rules.WithoutLookAlikes(text)) != SafetyTier.None).ToList();
        lookAlikes = [.. lookAlikes.Union(stillEscalated, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Then the {stillEscalated.Count} FAQ utterances those thresholds would still escalate were added to the look-alikes, so none of them is ever taken for a red flag."));
        var (classifier, classifierNotes) = new SafetyClassifierTraining(embedder, rules).Train(
            calibrated.TierSentences, faq, everyday, [.. calibrated.BenignSentences.Distinct(StringComparer.Ordinal)],
            ClassifierExamples(locale),
            tier => tier is SafetyTier.Emergency or SafetyTier.SelfHarm ? EmergencyFalseAlarmBudget : OtherFalseAlarmBudget);
        notes.AddRange(classifierNotes);
        var calibration = draft with { Thresholds = thresholds, Margins = margins, Notes = notes, LookAlikes = lookAlikes, Classifier = classifier };
        File.WriteAllText(files.SafetyCalibration(locale), JsonConvert.SerializeObject(calibration, Formatting.Indented, new JsonSerializerSettings
        {
            ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        }) + Environment.NewLine);
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }
        var exemplars = calibrated.TierSentences.SelectMany(tier => tier.Sentences).Concat(calibrated.BenignSentences).Concat(lookAlikes).ToList();
        PrecomputedEmbeddings.Write(files.SafetyVectors(locale), embedder, exemplars);
        output.WriteLine($"Written: {files.SafetyCalibration(locale)} and the vectors of its {exemplars.Count} example sentences, {files.SafetyVectors(locale)}");
        return calibration;
    }

    /// <summary>The FAQ utterances, training and held-out: the questions no red flag may be read in.</summary>
    public static List<string> FaqQuestions(KnowledgeFiles files)
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        var heldOut = KnowledgeBaseLoader.LoadHeldOut(files, knowledgeBase, training);
        return [.. training.All.Concat(heldOut.All).Select(utterance => utterance.Text).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>What each tier's classifier learns from: the shared examples, and for emergencies the other retired sets too.</summary>
    private Func<SafetyTier, IReadOnlyList<(SafetyTier Expected, string Message)>> ClassifierExamples(string locale)
    {
        var shared = SafetySetEvaluation.Read(files.SafetyClassifierExamples(locale));
        var forEmergencies = shared.Concat(SafetySetEvaluation.Read(files.SafetyEmergencyClassifierExamples(locale))).ToList();
        return tier => tier == SafetyTier.Emergency ? forEmergencies : shared;
    }

    private static List<string> ClosestToATier(SemanticSafetyLayer exemplarsOnly, IReadOnlyList<string> messages, float[][] vectors, int most) =>
        messages.Zip(vectors)
            .Select(pair => (Text: pair.First, Closest: exemplarsOnly.Score(pair.Second).Tiers.Max(tier => tier.Score)))
            .Where(candidate => candidate.Closest >= LookAlikeFloor)
            .OrderByDescending(candidate => candidate.Closest)
            .Take(most)
            .Select(candidate => candidate.Text)
            .ToList();

    /// <summary>The scores of the message as the screen reads it; a piece that is itself a look-alike is scored without itself.</summary>
    private static IReadOnlyList<SemanticScores> PieceScores(SemanticSafetyLayer layer, string message) =>
        layer.ScoreMessage(message, vector => layer.BenignVectors.FirstOrDefault(candidate => candidate.AsSpan().SequenceEqual(vector)));

    private static int Reaching(IEnumerable<IReadOnlyList<SemanticScores>> messages, SafetyTier tier, double threshold, double margin) =>
        messages.Count(pieces => Passing(pieces, tier, margin) >= threshold);

    /// <summary>
    /// The best score, among the pieces the screen reads for the tier (every sentence for self-harm, the whole message
    /// for the others), of those that beat the look-alikes by the margin; else nothing passes.
    /// </summary>
    private static double Passing(IReadOnlyList<SemanticScores> pieces, SafetyTier tier, double margin) =>
        pieces.Where(scores => scores.IsWhole || tier == SafetyTier.SelfHarm).Select(scores =>
        {
            var score = scores.Tiers.First(candidate => candidate.Tier == tier).Score;
            return score - scores.Benign >= margin ? score : double.NegativeInfinity;
        }).DefaultIfEmpty(double.NegativeInfinity).Max();

    private static IEnumerable<double> Grid() => Enumerable.Range(0, 141).Select(step => Math.Round(0.30 + step * 0.005, 3));
}
