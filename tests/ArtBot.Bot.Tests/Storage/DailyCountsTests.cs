using ArtBot.Bot.Observability;
using ArtBot.Bot.Storage;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>The day's counts are added a batch at a time: a batch the database refuses adds nothing, so trying it again counts nothing twice.</summary>
public sealed class DailyCountsTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Batches_add_up_across_flushes_and_instances(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var store = database.Get<IDailyCounts>();
        var key = new DailyCountKey(Today, TurnCounts.Turns, "answer");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.AddAsync(new Dictionary<DailyCountKey, long> { [key] = 2 }, CancellationToken.None)));

        Assert.Equal(8, (await store.SinceAsync(Today, CancellationToken.None))[key]);
    }

    [Fact]
    public async Task A_batch_PostgreSQL_refuses_adds_nothing_and_the_retry_counts_once()
    {
        using var database = new TestDatabase(DatabaseProvider.PostgreSQL);
        var store = database.Get<IDailyCounts>();
        var good = new DailyCountKey(Today, TurnCounts.Turns, "answer");
        var refused = new DailyCountKey(Today, TurnCounts.Turns, "bad\u0000key");

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddAsync(new Dictionary<DailyCountKey, long> { [good] = 1, [refused] = 1 }, CancellationToken.None));
        Assert.DoesNotContain(good, (await store.SinceAsync(Today, CancellationToken.None)).Keys);
        await store.AddAsync(new Dictionary<DailyCountKey, long> { [good] = 1 }, CancellationToken.None);

        Assert.Equal(1, (await store.SinceAsync(Today, CancellationToken.None))[good]);
    }
}
