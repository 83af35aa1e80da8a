using System.Diagnostics;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;
using Microsoft.ML;

namespace ArtBot.Bench;

/// <summary>
/// The in-process cost of reading one message, as a bot turn pays it: the sentence encoder alone, the n-gram model,
/// the chosen model (n-grams and the encoder), and the safety screen. Each message is new to the encoder's cache.
/// </summary>
public static class ClassificationBench
{
    public static void Run(int rounds)
    {
        var files = KnowledgeFiles.Default;
        var load = Stopwatch.StartNew();
        using var embedder = new MiniLmSentenceEmbedder();
        var encoderLoad = load.Elapsed;
        var classifier = IntentClassifier.Load(files.Model, embedder);
        var screen = SafetyScreen.Load(files, embedder);
        Console.WriteLine($"Encoder loaded in {encoderLoad.TotalMilliseconds:0} ms; model ({new FileInfo(files.Model).Length / 1024.0:0} KiB, {classifier.Features}) and safety exemplars in {(load.Elapsed - encoderLoad).TotalMilliseconds:0} ms");
        // Read as the bot reads once its warm-up has compiled the phrase rules in the background.
        screen.Rules.Compile();

        var questions = UtteranceSet.Load(files.TestUtterances).All.Select(utterance => utterance.Text).ToArray();
        var unique = 0;
        string Fresh() => $"{questions[unique % questions.Length]} #{Interlocked.Increment(ref unique)}";

        Measure("Sentence encoder, one message", rounds, () => embedder.Embed(Fresh()));
        foreach (var batch in new[] { 4, 16 })
        {
            var timer = Stopwatch.StartNew();
            for (var round = 0; round < rounds / batch; round++)
            {
                embedder.EmbedMany([.. Enumerable.Range(0, batch).Select(_ => Fresh())]);
            }
            Console.WriteLine($"Sentence encoder, {batch} messages in one call (micro-batching), one thread: {timer.Elapsed.TotalMilliseconds / (rounds / batch * batch):0.000} ms per message");
        }
        // Not copied to the output: made in the repository's data folder by training -- distil-static.
        var staticPath = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "knowledge", "ArtBot.Knowledge", "Data", StaticTokenEmbedder.FileName);
        if (File.Exists(staticPath))
        {
            var table = StaticTokenEmbedder.Load(staticPath);
            Measure("Static token table (distil-static), one message", rounds * 10, () => table.Embed(Fresh()));
        }
        var ngramsOnly = NgramsOnly(files, embedder);
        if (ngramsOnly is not null)
        {
            Measure("N-gram model alone", rounds * 10, () => ngramsOnly.Classify(Fresh()));
        }
        Measure($"Chosen model ({classifier.Features}), encoding included", rounds, () => classifier.Classify(Fresh()));
        Measure("Safety screen (rules and meaning), encoding included", rounds, () => screen.Screen(Fresh()));
        Measure("Safety screen then classifier on the same message (one encoding)", rounds, () =>
        {
            var message = Fresh();
            screen.Screen(message);
            classifier.Classify(message);
        });
        Measure("The same, typed with capitals as people do (\"Does ART hurt?\")", rounds, () =>
        {
            var message = Capitalised(Fresh());
            screen.Screen(message);
            classifier.Classify(message);
        });

        var parallel = Stopwatch.StartNew();
        Parallel.For(0, rounds, _ => classifier.Classify(Fresh()));
        Console.WriteLine($"Throughput of the chosen model on {Environment.ProcessorCount} cores: {rounds / parallel.Elapsed.TotalSeconds:N0} classifications/s");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : $"{char.ToUpperInvariant(text[0])}{text[1..]}";

    internal static void Measure(string name, int rounds, Action action)
    {
        for (var index = 0; index < Math.Min(200, rounds); index++)
        {
            action();
        }
        var timings = new List<double>(rounds);
        for (var index = 0; index < rounds; index++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Console.WriteLine($"{name}, one thread: {Percentiles.Describe(timings)}");
    }

    /// <summary>The n-gram model the trainer compares against, trained here on the spot so the bench needs no second model file.</summary>
    private static IntentClassifier? NgramsOnly(KnowledgeFiles files, ISentenceEmbedder embedder)
    {
        var mlContext = new MLContext(seed: 1);
        var training = UtteranceSet.Load(files.TrainingUtterances);
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey(ColumnNames.Label, ColumnNames.Intent)
            .Append(mlContext.Transforms.Text.FeaturizeText(ColumnNames.Features, ColumnNames.Text))
            .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Append(mlContext.Transforms.Conversion.MapKeyToValue(ColumnNames.PredictedLabel));
        var data = mlContext.Data.LoadFromEnumerable(training.All.Select(utterance => new IntentInput { Text = utterance.Text, Intent = utterance.Intent }).ToList());
        return new IntentClassifier(mlContext, pipeline.Fit(data), IntentFeatures.Ngrams, embedder);
    }
}
