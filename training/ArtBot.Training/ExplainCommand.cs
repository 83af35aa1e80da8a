using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Training;

/// <summary>Shows how a message is read: the safety screen's two layers and the intent model's best guesses. For tuning, not for figures.</summary>
public sealed class ExplainCommand(KnowledgeFiles files, ISentenceEmbedder embedder, TextWriter output)
{
    public void Explain(IEnumerable<string> messages)
    {
        var classifier = IntentClassifier.Load(files.Model, embedder);
        var screen = SafetyScreen.Load(files, embedder);
        foreach (var message in messages)
        {
            var byRules = screen.ScreenByRules(message).Tier;
            var scores = screen.Semantic!.Score(embedder.Embed(screen.Rules.WithoutLookAlikes(message)));
            var semantic = string.Join(", ", scores.Tiers.Select(tier => string.Create(CultureInfo.InvariantCulture,
                $"{SafetyTiers.Name(tier.Tier)} {tier.Score:0.000}/{screen.Semantic.Thresholds[tier.Tier]:0.000}+{screen.Semantic.Margins[tier.Tier]:0.00}")));
            var classified = string.Join(", ", scores.Classified.Select(tier => string.Create(CultureInfo.InvariantCulture,
                $"{SafetyTiers.Name(tier.Tier)} {tier.Probability:0.000}/{tier.Threshold:0.000}")));
            var ranking = classifier.Classify(message).Scores.Take(3).Select(score => string.Create(CultureInfo.InvariantCulture, $"{score.Intent} {score.Score:0.000}"));
            output.WriteLine(message);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  safety: rules {SafetyTiers.Name(byRules)}; meaning {semantic}; benign {scores.Benign:0.000}; classifier {classified} => {SafetyTiers.Name(screen.Screen(message).Tier)}"));
            output.WriteLine($"  rule: {screen.Rules.DecidingRule(message) ?? "none"}");
            output.WriteLine($"  read without look-alikes and denials: {screen.Rules.WithoutLookAlikes(message)}");
            foreach (var piece in MessagePieces.Of(screen.Rules.WithoutLookAlikes(message)).Skip(1).Where(piece => MessagePieces.WordCount(piece) >= SemanticSafetyLayer.MinimumWords))
            {
                if (screen.Semantic.Decide(screen.Semantic.Score(embedder.Embed(piece))) is SafetyTier.SelfHarm)
                {
                    output.WriteLine($"  sentence read as self-harm: {piece}");
                }
            }
            output.WriteLine($"  intents: {string.Join(", ", ranking)}");
        }
    }
}
