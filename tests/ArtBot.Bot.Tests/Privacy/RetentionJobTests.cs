using ArtBot.Bot.Consult;
using ArtBot.Bot.Observability;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Unanswered;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Tests.Privacy;

public sealed class RetentionJobTests
{
    private readonly ManualTime _time = new();

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Deletes_requests_conversation_state_questions_and_counts_older_than_the_retention_period_and_keeps_the_rest(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider, _time);
        var requests = database.Get<IConsultRequestStore>();
        var state = database.Get<DatabaseBotStorage>();
        var questions = database.Get<IUnansweredQuestionLog>();
        var counts = database.Get<IDailyCounts>();
        await requests.SaveAsync(Request("ART-OLD2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["old-conversation"] = new Dictionary<string, object> { ["step"] = 3 } });
        await questions.RecordAsync(new UnansweredQuestion(_time.GetUtcNow(), "webchat", "can dana bring her dog", 0.1, "old"), CancellationToken.None);
        await counts.AddAsync(new Dictionary<DailyCountKey, long> { [new(Today(), "turns", "answer")] = 5 }, CancellationToken.None);
        _time.Now += TimeSpan.FromDays(60);
        await requests.SaveAsync(Request("ART-NEW2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["new-conversation"] = new Dictionary<string, object> { ["step"] = 1 } });
        await questions.RecordAsync(new UnansweredQuestion(_time.GetUtcNow(), "webchat", "do you sell gift cards", 0.1, "new"), CancellationToken.None);
        await counts.AddAsync(new Dictionary<DailyCountKey, long> { [new(Today(), "turns", "answer")] = 7 }, CancellationToken.None);
        _time.Now += TimeSpan.FromDays(31);
        var job = Job(database, new BackgroundLeases(database.Contexts, _time));

        var deleted = await job.SweepAsync(CancellationToken.None);

        Assert.Equal(new RetentionJob.Swept(Requests: 1, Conversations: 1, Questions: 1, DailyCounts: 1), deleted);
        Assert.Equal("ART-NEW2", Assert.Single(await requests.ListAsync(CancellationToken.None)).Reference);
        Assert.Equal(["new-conversation"], (await state.ReadAsync(["old-conversation", "new-conversation"])).Keys);
        Assert.Equal("do you sell gift cards", Assert.Single(await questions.ListAsync(CancellationToken.None)).Question);
        Assert.Equal(7, Assert.Single(await counts.SinceAsync(DateOnly.MinValue, CancellationToken.None)).Value);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task With_several_instances_on_one_database_one_sweeps_until_its_lease_runs_out(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider, _time);
        var instances = Enumerable.Range(0, 4).Select(_ => Job(database, new BackgroundLeases(database.Contexts, _time))).ToList();

        var firstRound = await Task.WhenAll(instances.Select(job => Task.Run(() => job.SweepAsync(CancellationToken.None))));
        _time.Now += TimeSpan.FromMinutes(30);
        var byTheSameHolder = await Task.WhenAll(instances.Select(job => job.SweepAsync(CancellationToken.None)));
        var sweeper = Array.FindIndex(firstRound, result => result is not null);
        _time.Now += new PrivacyOptions().RetentionSweepInterval + TimeSpan.FromMinutes(1);
        var afterTheHolderStopped = await instances.Where((_, index) => index != sweeper).First().SweepAsync(CancellationToken.None);

        Assert.Single(firstRound, result => result is not null);
        Assert.Equal(sweeper, Array.FindIndex(byTheSameHolder, result => result is not null));
        Assert.Single(byTheSameHolder, result => result is not null);
        Assert.NotNull(afterTheHolderStopped);
    }

    private RetentionJob Job(TestDatabase database, BackgroundLeases leases) => new(
        database.Get<IConsultRequestStore>(), database.Get<DatabaseBotStorage>(), database.Get<IUnansweredQuestionLog>(), database.Get<IDailyCounts>(), leases,
        Options.Create(new PrivacyOptions { RetentionDays = 90 }), _time, NullLogger<RetentionJob>.Instance);

    private static ConsultRequest Request(string reference) => new(
        Guid.NewGuid(), reference, "test", "Dana", ContactDetails.ByPhone("+14165550199"), ConsultMode.PhoneCall,
        PreferredTime.Any, null, DateTimeOffset.UtcNow, ConsentWording.Version);
}
