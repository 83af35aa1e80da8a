using ArtBot.Bot.Consult;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ArtBot.Bot.Tests.Hosting.BotConversationClient;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The whole booking over HTTP on the real app, on SQLite and on PostgreSQL: state that survives a restart, replays.</summary>
public sealed class ConsultBookingEndpointTests : IDisposable
{
    private static readonly string[] Answers = ["Priya Raman", "647 555 0142", "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree"];

    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-restart-").FullName;

    private Dictionary<string, string?>? _database;

    public void Dispose() => TestDatabase.Delete(_database ?? [], _folder);

    /// <summary>The app on this test's database: a second call plays the same app after a restart.</summary>
    private ArtBotApplication App(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _database ??= TestDatabase.SettingsFor(provider, _folder);
        return new ArtBotApplication(new Dictionary<string, string?>(_database), folder: _folder);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Books_a_consult_and_stores_it_in_the_database(DatabaseProvider provider)
    {
        using var app = App(provider);
        var chat = new BotConversationClient(app.CreateClient(), "booking-1");

        var replies = await chat.SayAsync("can someone from the clinic call me back");
        Assert.Equal(["intro", "name"], replies.Select(Step));
        foreach (var answer in Answers)
        {
            await chat.SayAsync(answer);
        }
        var booked = (await chat.SayAsync("Confirm")).Single();

        Assert.Equal("booked", Step(booked));
        var stored = Assert.Single(await Requests(app));
        Assert.Equal((string?)booked["channelData"]!["artbot"]!["reference"], stored.Reference);
        Assert.Equal(("Priya Raman", "+16475550142", ConsultMode.Online), (stored.Request.Name, stored.Request.Contact.Phone, stored.Request.Mode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Resumes_a_booking_where_it_was_after_the_app_restarts(DatabaseProvider provider)
    {
        using (var before = App(provider))
        {
            var chat = new BotConversationClient(before.CreateClient(), "restart-1");
            await chat.SayAsync("Book a free consult");
            await chat.SayAsync(Answers[0]);
            Assert.Equal("mode", Step((await chat.SayAsync(Answers[1])).Single()));
        }

        using var after = App(provider);
        var resumed = new BotConversationClient(after.CreateClient(), "restart-1");
        Assert.Equal("time", Step((await resumed.SayAsync(Answers[2])).Single()));
        foreach (var answer in Answers.Skip(3))
        {
            await resumed.SayAsync(answer);
        }
        Assert.Equal("booked", Step((await resumed.SayAsync("Confirm")).Single()));

        Assert.Equal("Priya Raman", Assert.Single(await Requests(after)).Request.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task A_confirm_activity_sent_twice_stores_one_request(DatabaseProvider provider)
    {
        using var app = App(provider);
        var chat = new BotConversationClient(app.CreateClient(), "replay-1");
        await chat.SayAsync("Book a free consult");
        foreach (var answer in Answers)
        {
            await chat.SayAsync(answer);
        }

        var first = (await chat.SayAsync("Confirm", activityId: "confirm-activity-1")).Single();
        var replay = (await chat.SayAsync("Confirm", activityId: "confirm-activity-1")).Single();

        Assert.Equal((string?)first["channelData"]!["artbot"]!["reference"], (string?)replay["channelData"]!["artbot"]!["reference"]);
        Assert.Contains("already with the clinic", (string?)replay["text"]);
        Assert.Single(await Requests(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Double_clicked_confirms_arriving_together_store_one_request(DatabaseProvider provider)
    {
        using var app = App(provider);
        var chat = new BotConversationClient(app.CreateClient(), "double-1");
        await chat.SayAsync("Book a free consult");
        foreach (var answer in Answers)
        {
            await chat.SayAsync(answer);
        }

        var replies = await Task.WhenAll(chat.SayAsync("Confirm"), chat.SayAsync("Confirm"));

        Assert.Equal(["already-booked", "booked"], replies.Select(reply => Step(reply.Single())).Order());
        Assert.Single(await Requests(app));
    }

    [Fact]
    public async Task Logs_of_a_whole_booking_hold_the_reference_but_none_of_the_persons_details()
    {
        using var app = App();
        var chat = new BotConversationClient(app.CreateClient(), "privacy-1");
        await chat.SayAsync("Book a free consult");
        foreach (var answer in new[] { "Priya Raman", "priya.raman@example.org", "Phone call", "Morning", "Left knee swells after running", "Yes, I agree" })
        {
            await chat.SayAsync(answer);
        }
        var reference = (string?)(await chat.SayAsync("Confirm")).Single()["channelData"]!["artbot"]!["reference"];

        var logs = string.Join("\n", app.Logs.Entries);
        Assert.Contains(reference!, logs);
        foreach (var personal in new[] { "Priya", "Raman", "priya.raman", "example.org", "Left knee", "swells" })
        {
            Assert.DoesNotContain(personal, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Logs_of_an_unanswered_question_hold_none_of_the_details_in_it()
    {
        using var app = App();
        var chat = new BotConversationClient(app.CreateClient(), "privacy-2");

        var reply = (await chat.SayAsync("do you sell gift cards? I'm Priya Raman, text 647-555-0142 or priya.raman@example.org")).Single();

        Assert.Equal("fallback", (string?)reply["channelData"]!["artbot"]!["kind"]);
        var logs = string.Join("\n", app.Logs.Entries);
        Assert.Contains("was not answered from the article", logs);
        // The number's forms, not bare digit groups: a random key id in a log line may hold "647" by chance.
        foreach (var personal in new[] { "Priya", "Raman", "647-555", "647 555", "6475550142", "555-0142", "priya.raman", "example.org", "charge" })
        {
            Assert.DoesNotContain(personal, logs, StringComparison.OrdinalIgnoreCase);
        }
        var recorded = app.UnansweredQuestions();
        Assert.DoesNotContain("Priya", recorded);
        Assert.DoesNotContain("647", recorded);
    }

    private static Task<IReadOnlyList<StoredConsultRequest>> Requests(ArtBotApplication app) =>
        app.Services.GetRequiredService<IConsultRequestStore>().ListAsync(CancellationToken.None);
}
