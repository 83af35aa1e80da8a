using ArtBot.Knowledge;

namespace ArtBot.Training;

/// <summary>
/// Folds the questions staff taught in Teams (<c>ArtBot.Bot reviewed</c>: <c>intent&lt;TAB&gt;text</c> lines) into
/// the training utterances, so the next <c>train</c> learns them. A line already there (in any case) is skipped; an
/// intent the model does not have stops the merge before anything is written.
/// </summary>
public static class ReviewedUtterances
{
    public sealed record Result(int Added, int AlreadyThere);

    public static Result Merge(KnowledgeFiles files, IEnumerable<string> reviewedLines)
    {
        var byIntent = reviewedLines
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split('\t', 2))
            .Select(parts => parts.Length == 2 ? (Intent: parts[0].Trim(), Text: parts[1].Trim()) : throw new FormatException($"Not intent<TAB>text: \"{parts[0]}\""))
            .Where(line => line.Text.Length > 0)
            .GroupBy(line => line.Intent)
            .ToList();
        var unknown = byIntent.Select(group => group.Key).Where(intent => !File.Exists(TrainFile(files, intent))).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"No such intent (no utterances/train/<intent>.txt): {string.Join(", ", unknown)}. Nothing was merged.");
        }
        int added = 0, already = 0;
        foreach (var group in byIntent)
        {
            var path = TrainFile(files, group.Key);
            var existing = new HashSet<string>(File.ReadAllLines(path).Select(line => line.Trim()), StringComparer.OrdinalIgnoreCase);
            var fresh = group.Select(line => line.Text).Where(existing.Add).ToList();
            already += group.Count() - fresh.Count;
            if (fresh.Count > 0)
            {
                var text = File.ReadAllText(path);
                File.AppendAllLines(path, text.Length == 0 || text.EndsWith('\n') ? fresh : ["", .. fresh]);
                added += fresh.Count;
            }
        }
        return new Result(added, already);
    }

    private static string TrainFile(KnowledgeFiles files, string intent) => Path.Combine(files.TrainingUtterances, intent + ".txt");
}
