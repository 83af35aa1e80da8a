namespace ArtBot.Bot.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public void Refuses_to_start_without_its_knowledge_base_and_says_which_file_is_missing()
    {
        var empty = Directory.CreateTempSubdirectory("artbot-empty-").FullName;
        using var app = new ArtBotApplication(new() { ["Knowledge:DataDirectory"] = empty });

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("knowledge-base.json", exception.ToString());
        Directory.Delete(empty);
    }

    [Fact]
    public void Refuses_to_start_with_an_answer_threshold_outside_zero_to_one()
    {
        using var app = new ArtBotApplication(new() { ["Answering:AnswerThreshold"] = "7" });

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AnswerThreshold", exception.ToString());
    }

    [Theory]
    [InlineData("https://cdn.example/logo.png")]
    [InlineData("//cdn.example/logo.png")]
    [InlineData("logo.png")]
    public void Refuses_to_start_with_an_avatar_picture_from_another_site(string avatarUrl)
    {
        using var app = new ArtBotApplication(new() { ["Widget:AvatarUrl"] = avatarUrl });

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Widget:AvatarUrl must be a path on the bot's own site", exception.ToString());
    }
}
