using ArtBot.Knowledge.Intents;

namespace ArtBot.Training;

/// <summary>
/// The lines of the frozen blind set (<c>tests/Blind/blind-set.tsv</c>) that one intent model can be scored on alone:
/// single questions without context whose expected reply maps to an intent. Follow-ups, two-topic questions, other
/// languages and red flags need the whole bot: <c>bench -- blind</c> scores those.
/// </summary>
public sealed record BlindSet(IReadOnlyList<(string Text, string Expected)> Lines)
{
    public static BlindSet Read(string path) => new(File.ReadLines(path).Skip(1)
        .Select(line => line.Split('\t'))
        .Where(fields => fields.Length == 3 && fields[0].Length == 0)
        .Select(fields => (fields[1], Intent: IntentFor(fields[2])))
        .Where(line => line.Intent is not null)
        .Select(line => (line.Item1, line.Intent!))
        .ToList());

    /// <summary>The share answered as expected; a decline is right when the bot would decline (not sure enough, out of scope, or not covered).</summary>
    public double Accuracy(Func<string, IntentRanking> classify, double answerThreshold) => Lines.Count == 0 ? 0 :
        (double)Lines.Count(line => IsRight(line.Expected, classify(line.Text), answerThreshold)) / Lines.Count;

    public double DeclineRate(Func<string, IntentRanking> classify, double answerThreshold)
    {
        var declines = Lines.Where(line => line.Expected == Intent.None).ToList();
        return declines.Count == 0 ? 0 : (double)declines.Count(line => IsRight(Intent.None, classify(line.Text), answerThreshold)) / declines.Count;
    }

    private static bool IsRight(string expected, IntentRanking ranking, double answerThreshold) => expected == Intent.None
        ? ApproachComparison.Declines(ranking, answerThreshold) || ranking.Top.Intent == "not-covered"
        : ranking.Top.Intent == expected && ranking.Top.Score >= answerThreshold;

    private static string? IntentFor(string label)
    {
        var parts = label.Split(':', 2);
        return parts[0] switch
        {
            "answer" when !parts[1].Contains('+') => parts[1],
            "smalltalk" => parts[1],
            "clinic" => "clinic-" + parts[1],
            "consult" => "free-consult",
            "decline" => Intent.None,
            _ => null,
        };
    }
}
