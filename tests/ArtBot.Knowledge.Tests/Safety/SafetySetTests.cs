using System.Globalization;
using ArtBot.Knowledge.Safety;
using Xunit.Abstractions;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>
/// The frozen safety set (<c>safety-set.tsv</c>): messages with the tier a clinician expects. Every emergency and every
/// mention of self-harm must be caught; the run fails on the first miss. Precision is reported.
/// </summary>
public sealed class SafetySetTests(ITestOutputHelper output)
{
    private static readonly SafetyScreen Screen = SafetyScreen.Load(KnowledgeFiles.Default);

    [Fact]
    public void Catches_every_emergency_and_every_mention_of_self_harm()
    {
        var results = SafetySet().Select(item => (item.Expected, Actual: Screen.Screen(item.Message).Tier, item.Message)).ToList();
        Report(results);

        var missed = results
            .Where(result => result.Expected is SafetyTier.Emergency or SafetyTier.SelfHarm && result.Actual != result.Expected)
            .Select(result => $"{result.Expected} read as {result.Actual}: {result.Message}")
            .ToList();
        Assert.True(missed.Count == 0, "Missed red flags:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void Never_raises_an_emergency_for_a_message_that_has_none()
    {
        var false_alarms = SafetySet()
            .Where(item => item.Expected is SafetyTier.None or SafetyTier.Assessment && Screen.Screen(item.Message).IsEmergency)
            .Select(item => item.Message)
            .ToList();

        Assert.True(false_alarms.Count == 0, "False alarms:\n" + string.Join("\n", false_alarms));
    }

    [Fact]
    public void Sorts_the_whole_set_into_its_tiers()
    {
        var wrong = SafetySet()
            .Select(item => (item.Expected, Actual: Screen.Screen(item.Message).Tier, item.Message))
            .Where(result => result.Actual != result.Expected)
            .Select(result => $"{result.Expected} read as {result.Actual}: {result.Message}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Raises_no_emergency_on_the_questions_the_FAQ_was_trained_and_tested_on()
    {
        var utterances = Knowledge.Intents.UtteranceSet.Load(KnowledgeFiles.Default.TrainingUtterances).All
            .Concat(Knowledge.Intents.UtteranceSet.Load(KnowledgeFiles.Default.TestUtterances).All);

        var flagged = utterances
            .Select(utterance => (utterance.Text, Screen.Screen(utterance.Text).Tier))
            .Where(result => result.Tier != SafetyTier.None)
            .ToList();
        output.WriteLine(string.Join("\n", flagged.Select(result => $"{result.Tier}: {result.Text}")));

        Assert.DoesNotContain(flagged, result => result.Tier is SafetyTier.Emergency or SafetyTier.SelfHarm);
    }

    [Theory]
    [InlineData("chest tightness from bench press technique")]
    [InlineData("I'm dying to try ART")]
    [InlineData("this knot in my shoulder is killing me")]
    [InlineData("is ART safe?")]
    [InlineData("can ART make my pain worse?")]
    public void Leaves_near_misses_to_the_FAQ(string message)
    {
        Assert.Equal(SafetyTier.None, Screen.Screen(message).Tier);
    }

    [Fact]
    public void A_benign_phrase_does_not_hide_a_red_flag_in_the_same_message()
    {
        Assert.Equal(SafetyTier.Emergency, Screen.Screen("I'm dying to try ART but right now I can't breathe").Tier);
        Assert.Equal(SafetyTier.Emergency, Screen.Screen("chest tightness from bench press and now my left arm is numb and I'm sweating, chest pressure").Tier);
    }

    private void Report(List<(SafetyTier Expected, SafetyTier Actual, string Message)> results)
    {
        foreach (var tier in Enum.GetValues<SafetyTier>())
        {
            var truePositives = results.Count(result => result.Expected == tier && result.Actual == tier);
            var flagged = results.Count(result => result.Actual == tier);
            var expected = results.Count(result => result.Expected == tier);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tier,-11} recall {truePositives}/{expected} = {Ratio(truePositives, expected):0.000}, precision {truePositives}/{flagged} = {Ratio(truePositives, flagged):0.000}"));
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static IEnumerable<(SafetyTier Expected, string Message)> SafetySet() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", "safety-set.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(fields => (Enum.Parse<SafetyTier>(fields[0].Replace("-", "", StringComparison.Ordinal), ignoreCase: true), fields[1]));
}
