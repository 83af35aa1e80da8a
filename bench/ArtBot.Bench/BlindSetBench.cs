using ArtBot.TestSupport;
using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bench;

/// <summary>
/// Scores the bot on the frozen blind set (<c>tests/Blind/blind-set.tsv</c>) from outside: each line is a new
/// conversation through <c>/api/messages</c> (the context line first, for follow-ups), scored by what the reply says it is.
/// </summary>
public static class BlindSetBench
{
    private sealed record Line(string Context, string Message, string Expected)
    {
        public string Group => Expected.Split(':')[0] switch
        {
            "answer" when Expected.Contains('+') => "answer (two topics)",
            "answer" when Context.Length > 0 => "answer (follow-up)",
            var group => group,
        };
    }

    public static async Task RunAsync(string path)
    {
        var lines = File.ReadLines(path).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(fields => new Line(fields[0], fields[1], fields[2]))
            .ToList();
        await using var bot = await BotProcess.StartBotAsync("--Clinic:PhoneNumber", "+1 416-555-0100");
        var results = new List<(Line Line, string Got, bool Right)>();
        foreach (var (line, index) in lines.Select((line, index) => (line, index)))
        {
            var conversation = $"blind-{index}";
            if (line.Context.Length > 0)
            {
                await BotMessages.SayAsync(bot.Http, conversation, line.Context, channelId: "blind");
            }
            var replies = await BotMessages.SayAsync(bot.Http, conversation, line.Message, channelId: "blind");
            var got = Describe(replies);
            results.Add((line, got, Matches(line.Expected, replies)));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Blind set {path}: {results.Count(result => result.Right)}/{results.Count} = {Share(results.Count(result => result.Right), results.Count):0.000} scored right by the reply");
        report.AppendLine();
        report.AppendLine("| group | right | of | share |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var group in results.GroupBy(result => result.Line.Group).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var right = group.Count(result => result.Right);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {right} | {group.Count()} | {Share(right, group.Count()):0.000} |");
        }
        var redFlags = results.Where(result => result.Line.Expected.StartsWith("safety:", StringComparison.Ordinal) && result.Line.Expected != "safety:assessment").ToList();
        var escalated = redFlags.Count(result => result.Got.Split(' ').Any(kind => kind.StartsWith("safety:", StringComparison.Ordinal) && kind != "safety:assessment"));
        var ordinary = results.Where(result => !result.Line.Expected.StartsWith("safety:", StringComparison.Ordinal)).ToList();
        var falseAlarms = ordinary.Count(result => result.Got.Contains("safety:", StringComparison.Ordinal) && !result.Got.Contains("safety:assessment", StringComparison.Ordinal));
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Red flags (emergency, self-harm, urgent) escalated at some tier: {escalated}/{redFlags.Count}; messages without one given a red-flag reply: {falseAlarms}/{ordinary.Count}");
        report.AppendLine();
        report.AppendLine("Wrong:");
        foreach (var (line, got, _) in results.Where(result => !result.Right))
        {
            report.AppendLine($"- expected {line.Expected}, got {got}: {(line.Context.Length > 0 ? $"[after \"{line.Context}\"] " : "")}{line.Message}");
        }
        Console.WriteLine(report);
    }

    private static bool Matches(string expected, JArray replies)
    {
        var kinds = replies.Select(reply => reply["channelData"]?["artbot"]).Where(data => data is not null).ToList();
        var parts = expected.Split(':', 2);
        return parts[0] switch
        {
            "answer" => parts[1].Split('+').All(topic => kinds.Any(data => (string?)data!["kind"] == "answer" && (string?)data["id"] == topic))
                && kinds.All(data => (string?)data!["kind"] == "answer"),
            "smalltalk" => kinds.Any(data => (string?)data!["kind"] == "answer" && (string?)data["id"] == parts[1]),
            "consult" => kinds.Any(data => (string?)data!["kind"] == "consult"),
            "clinic" => kinds.Any(data => (string?)data!["kind"] == "clinic" && (string?)data["id"] == parts[1]),
            "decline" => kinds.Count > 0 && kinds.All(data => (string?)data!["kind"] == "fallback"),
            "language" => kinds.Any(data => (string?)data!["kind"] == "language" && (string?)data["id"] == parts[1]),
            "safety" => kinds.Any(data => (string?)data!["kind"] == "safety" && (string?)data["tier"] == parts[1]),
            _ => throw new FormatException($"Unknown label '{expected}'"),
        };
    }

    private static string Describe(JArray replies) => string.Join(' ', replies
        .Select(reply => reply["channelData"]?["artbot"])
        .Where(data => data is not null)
        .Select(data => $"{data!["kind"]}:{data["id"] ?? data["tier"] ?? data["step"]}"));

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
