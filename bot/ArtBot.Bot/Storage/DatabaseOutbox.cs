using ArtBot.Bot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>
/// The outbox in the database. An entry is taken with a lease (one conditional update), so of several instances
/// one sends it; a taker that dies lets its lease run out and another takes the entry.
/// </summary>
public sealed class DatabaseOutbox(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time) : IOutbox
{
    public async Task<IReadOnlyList<OutboxEntry>> TakeDueAsync(OutboxDestination destination, string holder, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + lease;
        var kinds = OutboxKinds.StoredNamesFor(destination);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.StaffOutbox.AsNoTracking()
            .Where(entry => entry.SentAt == null && kinds.Contains(entry.Kind) && entry.DueAt <= now && (entry.TakenUntil == null || entry.TakenUntil < now))
            .OrderBy(entry => entry.Id).Take(max).ToListAsync(cancellationToken);
        var taken = new List<OutboxEntry>(due.Count);
        // Each lease is taken whole even while stopping: one won and not returned (a stop between two updates) would stay
        // leased to a taker that never sends it, unsent until the lease ran out.
        foreach (var entry in due)
        {
            var won = await db.StaffOutbox
                .Where(row => row.Id == entry.Id && row.SentAt == null && (row.TakenUntil == null || row.TakenUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(row => row.TakenBy, holder).SetProperty(row => row.TakenUntil, until), CancellationToken.None);
            if (won == 1)
            {
                taken.Add(new OutboxEntry(entry.Id, entry.Reference, Enum.Parse<OutboxKind>(entry.Kind), entry.Text, entry.Attempts));
            }
        }
        return taken;
    }

    public async Task MarkSentAsync(long id, string? threadConversationId, string? cardActivityId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await db.StaffOutbox.Where(row => row.Id == id).Select(row => row.Reference).FirstAsync(cancellationToken);
        await db.StaffOutbox.Where(row => row.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(row => row.SentAt, time.GetUtcNow().UtcDateTime)
            .SetProperty(row => row.TakenUntil, (DateTime?)null)
            .SetProperty(row => row.Attempts, row => row.Attempts + 1), cancellationToken);
        if (cardActivityId is not null)
        {
            await db.StaffTickets.Where(ticket => ticket.Reference == reference).ExecuteUpdateAsync(set => set
                .SetProperty(ticket => ticket.ThreadConversationId, threadConversationId)
                .SetProperty(ticket => ticket.CardActivityId, cardActivityId), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shortError = error.Length > 500 ? error[..500] : error;
        await db.StaffOutbox.Where(row => row.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(row => row.DueAt, retryAt.UtcDateTime)
            .SetProperty(row => row.TakenUntil, (DateTime?)null)
            .SetProperty(row => row.LastError, shortError)
            .SetProperty(row => row.Attempts, row => row.Attempts + 1), cancellationToken);
    }

    public async Task HandBackAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StaffOutbox.Where(row => row.Id == id && row.SentAt == null).ExecuteUpdateAsync(set => set.SetProperty(row => row.TakenUntil, (DateTime?)null), cancellationToken);
    }

    public async Task<int> CountUnsentAsync(OutboxDestination destination, CancellationToken cancellationToken)
    {
        var kinds = OutboxKinds.StoredNamesFor(destination);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffOutbox.CountAsync(entry => entry.SentAt == null && kinds.Contains(entry.Kind), cancellationToken);
    }
}
