using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>No failure decides a tier: a busy CPU changes nothing, and a layer that cannot read a message leaves it to the other.</summary>
public sealed class SafetyScreenFailureTests
{
    private static readonly string[] OrdinaryQuestions =
    [
        "does ART hurt?", "what are the side effects", "what are adhesions", "how is ART different from massage",
        "can ART help my tennis elbow?", "is it normal to be sore after a session", "what is active release therapy",
        "does it really work", "what conditions does it treat", "what are muscle knots",
    ];

    [Fact]
    public async Task Escalates_no_ordinary_question_while_the_CPU_is_saturated()
    {
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, SharedEmbedder.Instance);
        using var stop = new CancellationTokenSource();
        var busy = Enumerable.Range(0, Environment.ProcessorCount * 2)
            .Select(_ => Task.Factory.StartNew(() => { while (!stop.IsCancellationRequested) { Thread.SpinWait(1_000); } }, TaskCreationOptions.LongRunning))
            .ToArray();
        try
        {
            var questions = Enumerable.Range(0, 40).Select(index => $"{OrdinaryQuestions[index % OrdinaryQuestions.Length]} ({index})").ToList();
            var verdicts = questions.AsParallel().WithDegreeOfParallelism(16).Select(question => (question, screen.Screen(question))).ToList();

            Assert.All(verdicts, result => Assert.True(result.Item2.Tier == SafetyTier.None, $"{result.question}: {result.Item2.Tier}"));
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(busy);
        }
    }

    [Fact]
    public void When_the_meaning_cannot_be_read_the_rules_decide_alone_and_the_failure_is_reported()
    {
        var embedder = new FailingEmbedder(SharedEmbedder.Instance);
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, embedder);
        embedder.Failing = true;

        var ordinary = screen.Screen("does ART hurt?");
        var emergency = screen.Screen("I have crushing chest pain");

        Assert.Equal(SafetyTier.None, ordinary.Tier);
        Assert.Equal(SafetyScreen.MeaningLayer, Assert.Single(ordinary.Failures).Layer);
        Assert.Equal(SafetyTier.Emergency, emergency.Tier);
    }
}
