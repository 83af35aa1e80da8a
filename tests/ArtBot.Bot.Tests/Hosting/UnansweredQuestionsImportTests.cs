namespace ArtBot.Bot.Tests.Hosting;

public sealed class UnansweredQuestionsImportTests
{
    [Fact]
    public void Questions_in_the_review_file_of_an_earlier_version_move_into_the_database_and_the_file_goes()
    {
        var folder = Directory.CreateTempSubdirectory("artbot-import-").FullName;
        var file = Path.Combine(folder, "unanswered.jsonl");
        File.WriteAllLines(file,
        [
            """{"askedAt":"2026-10-01T10:00:00+00:00","channelId":"webchat","question":"do you sell gift cards","confidence":0.2,"conversationKey":"k1"}""",
            "",
            """{"askedAt":"2026-10-02T10:00:00+00:00","channelId":"msteams","question":"is parking free","confidence":0.1,"conversationKey":"k2"}""",
        ]);

        using var app = new ArtBotApplication(folder: folder);
        _ = app.Server;

        Assert.Equal("\"do you sell gift cards\" (webchat)\n\"is parking free\" (msteams)", app.UnansweredQuestions());
        Assert.Empty(Directory.GetFiles(folder, "unanswered.jsonl*"));
        Directory.Delete(folder, recursive: true);
    }
}
