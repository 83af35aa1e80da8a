using System.Text;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.Security;

/// <summary>After "forget me" nothing of the person can be read back: not from the database file, its log, or the list of questions kept for review.</summary>
public sealed class ForgetMeLeavesNothingTests : IDisposable
{
    private const string Name = "Quentin Marlowe";
    private const string Email = "quentin.marlowe@example.org";

    private readonly ManualTime _time = new();
    private readonly ArtBotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Leaves_no_trace_of_the_request_in_the_database_file_or_its_write_ahead_log()
    {
        var chat = new BotConversationClient(_app.CreateClient(), "forget-" + Guid.NewGuid().ToString("N"));
        foreach (var text in new[] { "Book a free consult", Name, Email, "Phone call", "Morning", "my left knee clicks", "Yes, I agree", "Confirm", "forget me", "Yes, delete my data" })
        {
            await chat.SayAsync(text);
        }

        foreach (var file in new[] { "artbot.db", "artbot.db-wal" }.Select(name => Path.Combine(_app.Folder, name)).Where(File.Exists))
        {
            var bytes = Encoding.UTF8.GetString(ReadShared(file));
            Assert.DoesNotContain("Marlowe", bytes);
            Assert.DoesNotContain(Email, bytes);
            Assert.DoesNotContain("left knee clicks", bytes);
        }
    }

    [Fact]
    public async Task A_cancelled_booking_leaves_no_trace_of_the_name_in_the_database_file_or_its_write_ahead_log()
    {
        var chat = new BotConversationClient(_app.CreateClient(), "cancel-" + Guid.NewGuid().ToString("N"));
        foreach (var text in new[] { "Book a free consult", "Answer a few questions", Name, Email, "Cancel" })
        {
            await chat.SayAsync(text);
        }

        foreach (var file in new[] { "artbot.db", "artbot.db-wal" }.Select(name => Path.Combine(_app.Folder, name)).Where(File.Exists))
        {
            var bytes = Encoding.UTF8.GetString(ReadShared(file));
            Assert.DoesNotContain("Marlowe", bytes);
            Assert.DoesNotContain(Email, bytes);
        }
    }

    [Fact]
    public async Task Removes_this_conversations_questions_from_the_review_list()
    {
        var chat = new BotConversationClient(_app.CreateClient(), "forget-" + Guid.NewGuid().ToString("N"));
        var other = new BotConversationClient(_app.CreateClient(), "other-" + Guid.NewGuid().ToString("N"));
        await chat.SayAsync("do you sell gift cards for my mother");
        await other.SayAsync("what is the capital of australia");

        await chat.SayAsync("forget me");
        await chat.SayAsync("Yes, delete my data");

        var kept = _app.UnansweredQuestions();
        Assert.DoesNotContain("gift cards", kept);
        Assert.Contains("capital of australia", kept);
    }

    [Fact]
    public async Task Never_writes_a_question_that_mentions_the_name_or_contact_given_in_the_conversation()
    {
        var chat = new BotConversationClient(_app.CreateClient(), "terms-" + Guid.NewGuid().ToString("N"));
        foreach (var text in new[] { "Book a free consult", Name, "416 555 0199", "cancel" })
        {
            await chat.SayAsync(text);
        }

        await chat.SayAsync("can quentin get a gift card");
        await chat.SayAsync("text me at 416/555/0199 about gift cards");

        var written = _app.UnansweredQuestions();
        Assert.DoesNotContain("quentin", written, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0199", written);
    }

    [Fact]
    public async Task Deletes_an_unfinished_booking_after_a_day_not_ninety()
    {
        using var app = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));
        var chat = new BotConversationClient(app.CreateClient(), "unfinished-" + Guid.NewGuid().ToString("N"));
        await chat.SayAsync("Book a free consult");
        await chat.SayAsync(Name);
        await chat.SayAsync(Email);

        _time.Now += TimeSpan.FromHours(25);
        await app.Services.GetRequiredService<RetentionJob>().SweepAsync(CancellationToken.None);

        var after = await chat.SayAsync("Phone call");
        Assert.DoesNotContain(after, reply => BotConversationClient.Step(reply) == "time");
        Assert.DoesNotContain("Marlowe", Encoding.UTF8.GetString(ReadShared(Path.Combine(_app.Folder, "artbot.db"))));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
