using System.Diagnostics;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bench;

/// <summary>
/// The safety screen's time per message, as a turn pays it: the phrase rules alone, and both layers with the encoding
/// (each message new to the encoder's cache). The messages are the FAQ's held-out questions, one and two sentences long.
/// </summary>
public static class SafetyScreenBench
{
    public static void Run(int rounds)
    {
        var files = KnowledgeFiles.Default;
        using var embedder = new MiniLmSentenceEmbedder();
        var screen = SafetyScreen.Load(files, embedder);
        // Read as the bot reads once its warm-up has compiled the phrase rules in the background.
        screen.Rules.Compile();
        var questions = UtteranceSet.Load(files.TestUtterances).All.Select(utterance => utterance.Text).ToArray();
        var unique = 0;
        string Fresh() => $"{questions[unique % questions.Length]} #{Interlocked.Increment(ref unique)}";
        string TwoSentences() => $"I've had a sore shoulder for {Interlocked.Increment(ref unique)} weeks. {questions[unique % questions.Length]}";

        ClassificationBench.Measure("Phrase rules alone, one sentence", rounds * 10, () => screen.ScreenByRules(Fresh()));
        ClassificationBench.Measure("Both layers, one sentence, encoding included", rounds, () => screen.Screen(Fresh()));
        ClassificationBench.Measure("Both layers, two sentences, encoding included", rounds, () => screen.Screen(TwoSentences()));

        // The meaning layer's parts, one sentence already encoded: where a message's time goes besides the encoder.
        var semantic = screen.Semantic!;
        var vectors = embedder.EmbedMany([.. questions.Take(200)]);
        var next = 0;
        ClassificationBench.Measure("Meaning layer: comparison with every example, one piece", rounds * 5, () => semantic.Score(vectors[next++ % vectors.Length]));
        ClassificationBench.Measure("Look-alikes and denials removed before the meaning is read", rounds * 5, () => screen.Rules.WithoutLookAlikes(Fresh()));
        CostliestRules(screen.Rules, [.. questions.Select(question => screen.Rules.Read(question).Masked)], shown: 20);
    }

    /// <summary>
    /// Where the rules' time goes: each pattern timed alone over every question (as the rules read it), costliest first.
    /// A reviewer adding rules reads this to find the few patterns that cost more than the rest together.
    /// </summary>
    private static void CostliestRules(PhraseRules rules, string[] texts, int shown)
    {
        var costs = new List<(double Microseconds, string Pattern)>();
        foreach (var rule in rules.All)
        {
            foreach (var text in texts)
            {
                rule.IsMatch(text);
            }
            var start = Stopwatch.GetTimestamp();
            for (var pass = 0; pass < 5; pass++)
            {
                foreach (var text in texts)
                {
                    rule.IsMatch(text);
                }
            }
            costs.Add((Stopwatch.GetElapsedTime(start).TotalMicroseconds / (5.0 * texts.Length), rule.ToString()));
        }
        var total = costs.Sum(cost => cost.Microseconds);
        Console.WriteLine($"Phrase rules: {costs.Count} patterns, {total:0} µs per message when each reads it alone; the costliest {shown}:");
        foreach (var (microseconds, pattern) in costs.OrderByDescending(cost => cost.Microseconds).Take(shown))
        {
            Console.WriteLine($"  {microseconds,7:0.00} µs ({microseconds / total,6:P1})  {(pattern.Length > 110 ? pattern[..110] + "…" : pattern)}");
        }
    }
}
