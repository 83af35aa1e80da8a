namespace ArtBot.Knowledge.Intents;

/// <summary>
/// Example messages per intent, read from a folder holding one <c>&lt;intent&gt;.txt</c> per intent:
/// one utterance a line; blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public sealed class UtteranceSet
{
    public UtteranceSet(IReadOnlyList<Utterance> utterances) => All = utterances;

    public IReadOnlyList<Utterance> All { get; }

    public IEnumerable<string> Intents => All.Select(utterance => utterance.Intent).Distinct().Order(StringComparer.Ordinal);

    public IEnumerable<Utterance> For(string intent) => All.Where(utterance => utterance.Intent == intent);

    public static UtteranceSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The utterance folder {folder} does not exist.");
        }
        var utterances = new List<Utterance>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var intent = Path.GetFileNameWithoutExtension(file);
            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                var text = lines[index].Trim();
                if (text.Length > 0 && !text.StartsWith('#'))
                {
                    utterances.Add(new Utterance(text, intent, Path.GetFileName(file), index + 1));
                }
            }
        }
        return new UtteranceSet(utterances);
    }
}
