using ArtBot.TestSupport;
using ArtBot.Training;

namespace ArtBot.Training.Tests;

public sealed class ReviewedUtterancesTests
{
    [Fact]
    public void Adds_the_taught_questions_to_their_intents_training_file_once()
    {
        using var data = new KnowledgeDataCopy();
        var painful = Path.Combine(data.Files.TrainingUtterances, "is-it-painful.txt");

        var first = ReviewedUtterances.Merge(data.Files, ["is-it-painful\twill my arm be sore the next day", "none\tdo you sell gift cards", ""]);
        var again = ReviewedUtterances.Merge(data.Files, ["is-it-painful\tWill my arm be sore the next day"]);

        Assert.Equal(new ReviewedUtterances.Result(2, 0), first);
        Assert.Equal(new ReviewedUtterances.Result(0, 1), again);
        Assert.Single(File.ReadAllLines(painful), line => line.Equals("will my arm be sore the next day", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("do you sell gift cards", File.ReadAllLines(Path.Combine(data.Files.TrainingUtterances, "none.txt")));
    }

    [Fact]
    public void Merges_nothing_when_an_intent_does_not_exist()
    {
        using var data = new KnowledgeDataCopy();
        var painful = Path.Combine(data.Files.TrainingUtterances, "is-it-painful.txt");
        var before = File.ReadAllText(painful);

        var error = Assert.Throws<FormatException>(() => ReviewedUtterances.Merge(data.Files, ["is-it-painful\tdoes it sting", "parking\tis parking free"]));

        Assert.Contains("parking", error.Message);
        Assert.Equal(before, File.ReadAllText(painful));
    }
}
