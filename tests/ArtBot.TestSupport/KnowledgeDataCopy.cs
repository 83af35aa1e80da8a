using ArtBot.Knowledge;
using Newtonsoft.Json.Linq;

namespace ArtBot.TestSupport;

/// <summary>A private copy of the committed knowledge data that a test may break, deleted afterwards.</summary>
public sealed class KnowledgeDataCopy : IDisposable
{
    public KnowledgeDataCopy()
    {
        Files = new KnowledgeFiles(Path.Combine(Path.GetTempPath(), "artbot-kb-" + Guid.NewGuid().ToString("N")));
        CopyDirectory(KnowledgeFiles.Default.Directory, Files.Directory);
    }

    public KnowledgeFiles Files { get; }

    public void EditKnowledgeBase(Action<JObject> edit)
    {
        var document = JObject.Parse(File.ReadAllText(Files.KnowledgeBase));
        edit(document);
        File.WriteAllText(Files.KnowledgeBase, document.ToString());
    }

    public JObject Entry(JObject document, string id) =>
        (JObject)document["entries"]!.Single(entry => (string?)entry["id"] == id);

    public void AppendTrainingUtterance(string intent, string text) =>
        File.AppendAllText(Path.Combine(Files.TrainingUtterances, intent + ".txt"), Environment.NewLine + text + Environment.NewLine);

    /// <summary>
    /// Cuts every intent's training utterances to one in <paramref name="step"/>, but never below the fewest the
    /// validator accepts (<see cref="Knowledge.Validation.UtteranceRules.Training"/>).
    /// </summary>
    public void KeepOneTrainingUtteranceIn(int step)
    {
        var document = Knowledge.Content.KnowledgeBaseLoader.Load(Files).Document;
        foreach (var file in Directory.EnumerateFiles(Files.TrainingUtterances, "*.txt"))
        {
            var lines = File.ReadAllLines(file).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
            var minimum = Knowledge.Validation.UtteranceRules.Training.MinimumFor(Path.GetFileNameWithoutExtension(file), document);
            File.WriteAllLines(file, lines.Count / step >= minimum ? lines.Where((_, index) => index % step == 0) : lines.Take(minimum));
        }
    }

    public void Dispose() => Directory.Delete(Files.Directory, recursive: true);

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
