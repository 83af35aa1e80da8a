using ArtBot.Bot.Outbox;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>
/// A restart must not hold a consult request back: an entry whose send was under way when the bot stopped is free for
/// the next start once it is due, not leased to the stopped instance for the whole lease.
/// </summary>
public sealed class OutboxStopTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task A_stop_that_comes_while_a_failed_post_is_being_recorded_leaves_the_ticket_to_the_next_start(DatabaseProvider provider)
    {
        var time = new ManualTime();
        using var database = new TestDatabase(provider, time);
        var outbox = new DatabaseOutbox(database.Contexts, time);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.StaffOutbox.Add(new StaffOutboxRecord { Reference = "AB12CD", Kind = nameof(OutboxKind.Post), DueAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        using var stopping = new CancellationTokenSource();

        await new StoppedWhileTeamsRefuses(outbox, stopping, time).SendDueAsync(stopping.Token);
        time.Now += TimeSpan.FromMinutes(1);

        var nextStart = await outbox.TakeDueAsync(OutboxDestination.Teams, "the next start", max: 20, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal("AB12CD", Assert.Single(nextStart).Reference);
        Assert.Equal(1, nextStart[0].Attempts);
    }

    /// <summary>Teams refuses the post, and the bot is told to stop just as the refusal comes back.</summary>
    private sealed class StoppedWhileTeamsRefuses(IOutbox outbox, CancellationTokenSource stopping, TimeProvider time)
        : OutboxSender<bool>(outbox, new OutboxSignal(), time, NullLogger.Instance)
    {
        protected override OutboxDestination Destination => OutboxDestination.Teams;

        protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

        protected override TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(10);

        protected override Task<bool> BeforeTakingAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        protected override async Task<string?> SendAsync(OutboxEntry entry, bool batch, CancellationToken cancellationToken)
        {
            await stopping.CancelAsync();
            throw new HttpRequestException("Teams answered 503 Service Unavailable");
        }
    }
}
