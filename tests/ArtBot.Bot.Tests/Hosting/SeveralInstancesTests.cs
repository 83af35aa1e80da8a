using ArtBot.Bot.Turns;
using ArtBot.Bot.Hosting;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// Two bot processes on two ports share one PostgreSQL, as two instances behind a load balancer would, and a
/// conversation's turns land on either. The two instances serve the whole class (each test has conversations of its
/// own): a bot process costs seconds of CPU to start and to compile its phrase rules.
/// </summary>
public sealed class SeveralInstancesTests(TwoInstancesOnOneDatabase instances) : IClassFixture<TwoInstancesOnOneDatabase>
{
    private static readonly string[] Answers = ["Priya Raman", "647 555 0142", "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree"];

    [Fact]
    public async Task A_booking_whose_turns_alternate_between_two_instances_stores_one_request_and_never_goes_back()
    {
        var steps = new List<string?>();
        var turn = 0;
        foreach (var text in new[] { "Book a free consult" }.Concat(Answers).Append("Confirm"))
        {
            var replies = await BotMessages.SayAsync(instances.Instances[turn++ % 2].Http, "alternating-1", text);
            steps.Add(Step(replies.Last()));
        }
        var replayed = await BotMessages.SayAsync(instances.Instances[turn % 2].Http, "alternating-1", "Confirm");

        Assert.Equal(["name", "contact", "mode", "time", "concern", "consent", "summary", "booked"], steps);
        Assert.Contains("already with the clinic", (string?)replayed.Last()["text"]);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM consult_requests"));
    }

    [Fact]
    public async Task Turns_of_one_conversation_sent_at_once_to_both_instances_are_all_answered_and_the_booking_stays_whole()
    {
        // The name, double-sent to both instances at the same moment, five times over in five conversations.
        var outcomes = new List<string?>();
        for (var round = 0; round < 5; round++)
        {
            var conversation = $"together-{round}";
            await BotMessages.SayAsync(instances.Instances[0].Http, conversation, "Book a free consult");
            var both = await Task.WhenAll(instances.Instances.Select(instance => BotMessages.SayAsync(instance.Http, conversation, "Priya Raman")));
            outcomes.AddRange(both.Select(replies => Step(replies.Last()) ?? (string?)replies.Last()["text"]));
            var next = await BotMessages.SayAsync(instances.Instances[round % 2].Http, conversation, "647 555 0142");
            Assert.Equal("mode", Step(next.Last()));
        }

        // Each double-send: one instance took the name; the other ran on the state it saved (and so read the name as
        // a phone number, and asked for one) or asked for the message again. Never an error or a turn lost without a
        // word, and the booking goes on from the name.
        Assert.All(outcomes, outcome => Assert.Contains(outcome, new[] { "contact", StaleTurnRetry.ResendMessage }));
    }

    private static string? Step(JToken reply) => (string?)reply["channelData"]?["artbot"]?["step"];

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(instances.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Two bot processes started at once on one empty PostgreSQL database, stopped and the database dropped after the class.</summary>
public sealed class TwoInstancesOnOneDatabase : IAsyncLifetime
{
    public string Database { get; } = PostgresServer.CreateDatabase();

    public BotProcess[] Instances { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var settings = new[] { "--Database:Provider", "PostgreSQL", "--ConnectionStrings:ArtBot", Database };
        // Both start at once on an empty database, so both try to apply the migrations: EF Core's migration lock lets one.
        Instances = await Task.WhenAll(BotProcess.StartBotAsync(settings), BotProcess.StartBotAsync(settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
        PostgresServer.DropDatabase(Database);
    }
}
