using System.Diagnostics;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Bench;

/// <summary>The in-process cost of classifying one message, as a bot turn pays it.</summary>
public static class ClassificationBench
{
    public static void Run(int rounds)
    {
        var files = KnowledgeFiles.Default;
        var load = Stopwatch.StartNew();
        var classifier = IntentClassifier.Load(files.Model);
        Console.WriteLine($"Model: {new FileInfo(files.Model).Length / 1024.0:0} KiB, loaded in {load.Elapsed.TotalMilliseconds:0} ms");

        var questions = UtteranceSet.Load(files.TestUtterances).All.Select(utterance => utterance.Text).ToArray();
        for (var index = 0; index < 2000; index++)
        {
            classifier.Classify(questions[index % questions.Length]);
        }

        var timings = new List<double>(rounds);
        for (var index = 0; index < rounds; index++)
        {
            var start = Stopwatch.GetTimestamp();
            classifier.Classify(questions[index % questions.Length]);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Console.WriteLine($"One classification, one thread: {Percentiles.Describe(timings)}");

        var parallel = Stopwatch.StartNew();
        Parallel.For(0, rounds, index => classifier.Classify(questions[index % questions.Length]));
        Console.WriteLine($"Throughput on {Environment.ProcessorCount} cores: {rounds / parallel.Elapsed.TotalSeconds:N0} classifications/s");
    }
}
