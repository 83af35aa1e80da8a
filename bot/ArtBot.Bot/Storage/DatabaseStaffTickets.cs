using ArtBot.Bot.Outbox;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Staff;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>Staff tickets in the database, each with the request it is for (until the patient's details are deleted).</summary>
public sealed class DatabaseStaffTickets(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time, OutboxSignal? signal = null) : IStaffTickets
{
    private const int ChannelRow = 1;

    public async Task<StaffTicket?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.StaffTickets.AsNoTracking().FirstOrDefaultAsync(ticket => ticket.Reference == reference, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var request = await db.ConsultRequests.AsNoTracking().FirstOrDefaultAsync(request => request.Reference == reference, cancellationToken);
        return ToTicket(row, request is null ? null : DatabaseConsultRequestStore.ToStored(request));
    }

    public async Task RecordCardCopyAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.StaffTickets.AsNoTracking().FirstOrDefaultAsync(row => row.Reference == reference, cancellationToken);
        if (ticket is null || ticket.DetailsDeletedAt is not null || ticket.CardActivityId == activityId
            || await db.StaffCardCopies.AnyAsync(copy => copy.Reference == reference && copy.ConversationId == conversationId && copy.ActivityId == activityId, cancellationToken))
        {
            return;
        }
        db.StaffCardCopies.Add(new StaffCardCopyRecord { Reference = reference, ConversationId = conversationId, ActivityId = activityId, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // The same card recorded by two turns at once: one row is enough.
        }
    }

    public async Task<IReadOnlyList<StaffCardCopy>> ListCardCopiesAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffCardCopies.AsNoTracking().Where(copy => copy.Reference == reference).OrderBy(copy => copy.Id)
            .Select(copy => new StaffCardCopy(copy.Id, copy.ConversationId, copy.ActivityId)).ToListAsync(cancellationToken);
    }

    public async Task ForgetCardCopiesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StaffCardCopies.Where(copy => ids.Contains(copy.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffTicket>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var closed = nameof(TicketStatus.Closed);
        var rows = await db.StaffTickets.AsNoTracking().Where(ticket => ticket.Status != closed).OrderBy(ticket => ticket.CreatedAt).ToListAsync(cancellationToken);
        var references = rows.Select(row => row.Reference).ToList();
        var stored = await db.ConsultRequests.AsNoTracking().Where(request => references.Contains(request.Reference)).ToDictionaryAsync(request => request.Reference, cancellationToken);
        return [.. rows.Select(row => ToTicket(row, stored.TryGetValue(row.Reference, out var request) ? DatabaseConsultRequestStore.ToStored(request) : null))];
    }

    public async Task<(StaffTicket Ticket, bool Changed)?> ApplyAsync(string reference, TicketAction action, string staffName, int seenVersion, CancellationToken cancellationToken)
    {
        var current = await FindAsync(reference, cancellationToken);
        if (current is null)
        {
            return null;
        }
        if (current.Version != seenVersion || current.After(action) is not { } next)
        {
            return (current, false);
        }
        var holder = action switch
        {
            TicketAction.Claim or TicketAction.MarkContacted => staffName,
            TicketAction.Reopen => null,
            _ => current.Holder,
        };
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.StaffTickets
            .Where(ticket => ticket.Reference == reference && ticket.Version == seenVersion)
            .ExecuteUpdateAsync(set => set
                .SetProperty(ticket => ticket.Status, next.ToString())
                .SetProperty(ticket => ticket.Holder, holder)
                .SetProperty(ticket => ticket.Version, seenVersion + 1)
                .SetProperty(ticket => ticket.TakenAt, ticket => ticket.TakenAt ?? (holder != null ? now : null)), cancellationToken);
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (await FindAsync(reference, cancellationToken) ?? current, false);
        }
        db.StaffOutbox.Add(new StaffOutboxRecord { Reference = reference, Kind = nameof(OutboxKind.UpdateCard), DueAt = now });
        db.StaffOutbox.Add(new StaffOutboxRecord { Reference = reference, Kind = nameof(OutboxKind.Note), Text = TicketCard.Note(action, staffName), DueAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal?.Raise();
        return (current with { Status = next, Holder = holder, Version = seenVersion + 1 }, true);
    }

    public async Task<IReadOnlyList<string>> RaiseUnclaimedAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unassigned = nameof(TicketStatus.Unassigned);
        var cutoff = submittedBefore.UtcDateTime;
        var candidates = await db.StaffTickets.AsNoTracking()
            .Where(ticket => ticket.Status == unassigned && ticket.UnclaimedAlertAt == null && ticket.CreatedAt < cutoff)
            .Select(ticket => ticket.Reference).ToListAsync(cancellationToken);
        var raised = new List<string>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var reference in candidates)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Only the instance whose update marks the ticket queues the note.
            if (await db.StaffTickets.Where(ticket => ticket.Reference == reference && ticket.UnclaimedAlertAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(ticket => ticket.UnclaimedAlertAt, now), cancellationToken) == 1)
            {
                db.StaffOutbox.Add(new StaffOutboxRecord { Reference = reference, Kind = nameof(OutboxKind.Note), Text = TicketCard.UnclaimedNote, DueAt = now });
                await db.SaveChangesAsync(cancellationToken);
                raised.Add(reference);
            }
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (raised.Count > 0)
        {
            signal?.Raise();
        }
        return raised;
    }

    public async Task<IReadOnlyList<(DateTimeOffset SubmittedAt, DateTimeOffset? TakenAt)>> SubmittedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = since.UtcDateTime;
        var rows = await db.StaffTickets.AsNoTracking().Where(ticket => ticket.CreatedAt >= from).Select(ticket => new { ticket.CreatedAt, ticket.TakenAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => (new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), row.TakenAt is { } taken ? new DateTimeOffset(taken, TimeSpan.Zero) : (DateTimeOffset?)null))];
    }

    public async Task QueueDigestAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StaffOutbox.Add(new StaffOutboxRecord { Reference = "", Kind = nameof(OutboxKind.Digest), DueAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        signal?.Raise();
    }

    public async Task<StaffChannel?> FindChannelAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.StaffChannels.AsNoTracking().FirstOrDefaultAsync(channel => channel.Id == ChannelRow, cancellationToken);
        return row is null ? null : new StaffChannel(row.TeamId, row.ChannelId, row.TenantId, row.ServiceUrl);
    }

    public async Task SaveChannelAsync(StaffChannel channel, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.StaffChannels.Where(row => row.Id == ChannelRow).ExecuteUpdateAsync(set => set
            .SetProperty(row => row.TeamId, channel.TeamId)
            .SetProperty(row => row.ChannelId, channel.ChannelId)
            .SetProperty(row => row.TenantId, channel.TenantId)
            .SetProperty(row => row.ServiceUrl, channel.ServiceUrl)
            .SetProperty(row => row.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.StaffChannels.Add(new StaffChannelRecord
            {
                Id = ChannelRow, TeamId = channel.TeamId, ChannelId = channel.ChannelId, TenantId = channel.TenantId, ServiceUrl = channel.ServiceUrl, UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static StaffTicket ToTicket(StaffTicketRecord row, StoredConsultRequest? request) => new(
        row.Reference,
        Enum.Parse<TicketStatus>(row.Status),
        row.Holder,
        row.Version,
        new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
        row.TopicsAsked.Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.DetailsDeletedAt is null ? request : null,
        row.DetailsDeletedAt is { } deleted ? new DateTimeOffset(deleted, TimeSpan.Zero) : null,
        row.ThreadConversationId,
        row.CardActivityId);
}
