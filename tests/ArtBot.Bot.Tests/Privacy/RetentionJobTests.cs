using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.DirectLine;
using ArtBot.Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Tests.Privacy;

public sealed class RetentionJobTests
{
    private readonly ManualTime _time = new();

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Deletes_requests_and_conversation_state_older_than_the_retention_period_and_keeps_the_rest(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider, _time);
        var requests = database.Get<IConsultRequestStore>();
        var state = database.Get<DatabaseBotStorage>();
        await requests.SaveAsync(Request("ART-OLD2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["old-conversation"] = new Dictionary<string, object> { ["step"] = 3 } });
        _time.Now += TimeSpan.FromDays(60);
        await requests.SaveAsync(Request("ART-NEW2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["new-conversation"] = new Dictionary<string, object> { ["step"] = 1 } });
        _time.Now += TimeSpan.FromDays(31);
        var job = Job(database, new BackgroundLeases(database.Contexts, _time));

        var deleted = await job.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), deleted);
        Assert.Equal("ART-NEW2", Assert.Single(await requests.ListAsync(CancellationToken.None)).Reference);
        Assert.Equal(["new-conversation"], (await state.ReadAsync(["old-conversation", "new-conversation"])).Keys);
    }

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
        database.Get<IConsultRequestStore>(), database.Get<DatabaseBotStorage>(), leases,
        Options.Create(new PrivacyOptions { RetentionDays = 90 }), _time, NullLogger<RetentionJob>.Instance);

    private static ConsultRequest Request(string reference) => new(
        Guid.NewGuid(), reference, "test", "Dana", ContactDetails.ByPhone("+14165550199"), ConsultMode.PhoneCall,
        PreferredTime.Any, null, DateTimeOffset.UtcNow, ConsentWording.Version);
}
