using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;

namespace ArtBot.Training.Tests;

public sealed class HeldOutByWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-heldout-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reports_per_held_out_set_how_many_of_its_first_run_misses_a_classifier_trained_on_the_others_catches()
    {
        string[] selfHarm = ["i want to end my life", "i have been saving my pills to take them all", "everyone would be better off without me", "i keep thinking about killing myself"];
        string[] everyday = ["my shoulder is stiff after gardening", "does ART hurt", "how much is a session", "my knee aches after running", "lower back sore from sitting", "can i book for tuesday"];
        var sets = Enumerable.Range(1, 3).Select(writer => Write($"set-{writer}.tsv",
            ["tier\tmessage\tcategory", .. selfHarm.Select(message => $"self-harm\t{message} ({writer})\tx"), .. everyday.Select(message => $"none\t{message} ({writer})\tx")])).ToList();
        var firstRuns = Enumerable.Range(1, 3).Select(writer => Write($"set-{writer}-first-run.txt",
            ["# first run", $"self-harm read as none: {selfHarm[writer]} ({writer})", $"none read as self-harm: {everyday[0]} ({writer})"])).ToList();
        var output = new StringWriter();

        new HeldOutByWriter(SharedEmbedder.Instance, SafetyScreen.Load(Knowledge.KnowledgeFiles.Default).Rules, ["what are adhesions", "is ART like massage"], output).Run(sets, firstRuns);

        var report = output.ToString();
        Assert.Contains("30 messages from 3 writers", report);
        Assert.Equal(3, report.Split('\n').Count(line => line.StartsWith("self-harm  held out set-", StringComparison.Ordinal)));
        Assert.Matches(@"self-harm overall: caught \d/3 first-run misses; ordinary escalated \d+/18", report);
        Assert.Contains("emergency: no examples in these sets", report);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
