using ArtBot.Knowledge.Content;

namespace ArtBot.Knowledge.Tests.Content;

public sealed class KnowledgeBaseTests
{
    private readonly KnowledgeBase _knowledgeBase = KnowledgeBaseLoader.Load(KnowledgeFiles.Default);

    [Theory]
    [InlineData("Does ART hurt?")]
    [InlineData("does art hurt")]
    [InlineData("  DOES ART   HURT?! ")]
    public void Finds_an_entry_by_the_title_a_button_sends_back(string text)
    {
        Assert.True(_knowledgeBase.TryFindByTitle(text, out var entry));
        Assert.Equal("is-it-painful", entry.Id);
    }

    [Fact]
    public void Keeps_the_article_it_quotes_identical_to_the_clinics_copy()
    {
        var shared = Path.Combine(RepositoryRoot(), "..", "shared", "article.txt");
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), _knowledgeBase.Article);
        }
        Assert.StartsWith("Does Active Release Therapy Really Work?", _knowledgeBase.Article);
    }

    [Fact]
    public void Lists_every_side_effect_the_article_names()
    {
        var answer = _knowledgeBase["side-effects"].Answer;

        Assert.All(["pain or discomfort at the site of treatment", "bruising or swelling", "nausea or vomiting", "dizziness or light-headedness"],
            effect => Assert.Contains(effect, answer, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Lists_every_condition_the_article_names()
    {
        var answer = _knowledgeBase["conditions"].Answer;

        Assert.All(["carpal tunnel", "tennis elbow", "shin splints", "back pain", "shoulder pain"],
            condition => Assert.Contains(condition, answer, StringComparison.OrdinalIgnoreCase));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArtBot.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
