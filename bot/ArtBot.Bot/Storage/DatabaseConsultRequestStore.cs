using ArtBot.Bot.Outbox;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Staff;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>
/// Consult requests in the database: one row per booking id, a unique reference, deletes that leave nothing readable.
/// Each request is stored with its staff ticket and the outbox entries that post the ticket to Teams and send its
/// emails, in one transaction: a stored request always reaches staff, and a deleted one takes its details off the card
/// and its emails not sent yet out of the outbox.
/// </summary>
public sealed class DatabaseConsultRequestStore(
    IDbContextFactory<ArtBotDbContext> contexts, TimeProvider? time = null, OutboxSignal? signal = null, Email.RequestEmails? emails = null) : IConsultRequestStore
{
    private const int ReferenceAttempts = 5;

    public async Task<SaveOutcome> SaveAsync(ConsultRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bookingId = request.BookingId.ToString("N");
        var record = ToRecord(request, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        for (var attempt = 1; ; attempt++)
        {
            db.ConsultRequests.Add(record);
            db.StaffTickets.Add(new StaffTicketRecord
            {
                Reference = record.Reference,
                Status = nameof(TicketStatus.Unassigned),
                CreatedAt = record.CreatedAt,
                TopicsAsked = string.Join(",", request.TopicsAsked),
            });
            db.StaffOutbox.Add(new StaffOutboxRecord { Reference = record.Reference, Kind = nameof(OutboxKind.Post), DueAt = record.CreatedAt });
            var emailed = emails?.For(request) ?? [];
            db.StaffOutbox.AddRange(emailed.Select(kind => new StaffOutboxRecord { Reference = record.Reference, Kind = kind.ToString(), DueAt = record.CreatedAt }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                signal?.Raise();
                return new SaveOutcome(record.Reference, IsNew: true) { CopyEmailed = emailed.Contains(OutboxKind.ConfirmationEmail) };
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                // Stored already (a re-sent activity, a double click, another instance): the first reference stands.
                var stored = await db.ConsultRequests.AsNoTracking().Where(row => row.BookingId == bookingId).Select(row => row.Reference).FirstOrDefaultAsync(cancellationToken);
                if (stored is not null)
                {
                    return new SaveOutcome(stored, IsNew: false);
                }
                if (attempt == ReferenceAttempts)
                {
                    throw;
                }
                // Another request already has this reference: draw a new one.
                record.Id = 0;
                record.Reference = ReferenceCode.New();
            }
        }
    }

    public async Task<IReadOnlyList<StoredConsultRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ConsultRequests.AsNoTracking().OrderBy(row => row.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToStored)];
    }

    public Task<int> DeleteForPersonAsync(PersonKeys person, CancellationToken cancellationToken)
    {
        var references = person.References.ToList();
        return DeleteWhereAsync(row => row.RequesterKey == person.RequesterKey || row.ConversationKey == person.ConversationKey || references.Contains(row.Reference), cancellationToken);
    }

    public Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.CreatedAt < cutoff.UtcDateTime, cancellationToken);

    /// <summary>Deletes the requests, and in the same transaction marks their tickets, queues the cards' update and takes their unsent emails out.</summary>
    private async Task<int> DeleteWhereAsync(System.Linq.Expressions.Expression<Func<ConsultRequestRecord, bool>> condition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var references = await db.ConsultRequests.Where(condition).Select(row => row.Reference).ToListAsync(cancellationToken);
            if (references.Count == 0)
            {
                return 0;
            }
            await db.ConsultRequests.Where(row => references.Contains(row.Reference)).ExecuteDeleteAsync(cancellationToken);
            var emailKinds = OutboxKinds.StoredNamesFor(OutboxDestination.Email);
            await db.StaffOutbox.Where(entry => references.Contains(entry.Reference) && entry.SentAt == null && emailKinds.Contains(entry.Kind)).ExecuteDeleteAsync(cancellationToken);
            await db.StaffTickets.Where(ticket => references.Contains(ticket.Reference))
                .ExecuteUpdateAsync(set => set.SetProperty(ticket => ticket.DetailsDeletedAt, now).SetProperty(ticket => ticket.Version, ticket => ticket.Version + 1), cancellationToken);
            db.StaffOutbox.AddRange(references.Select(reference => new StaffOutboxRecord { Reference = reference, Kind = nameof(OutboxKind.UpdateCard), DueAt = now }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal?.Raise();
            await db.AfterDeleteAsync(cancellationToken);
            return references.Count;
        }
    }

    private static ConsultRequestRecord ToRecord(ConsultRequest request, DateTime now) => new()
    {
        BookingId = request.BookingId.ToString("N"),
        Reference = request.Reference,
        CreatedAt = now,
        ChannelId = request.ChannelId,
        Name = request.Name,
        Phone = request.Contact.Phone,
        Email = request.Contact.Email,
        ConsultMode = request.Mode.ToString(),
        TimeOfDay = request.Time.ToString(),
        Concern = request.Concern,
        ConsentGivenAt = request.ConsentGivenAt.UtcDateTime,
        ConsentVersion = request.ConsentVersion,
        RequesterKey = request.RequesterKey,
        ConversationKey = request.ConversationKey,
    };

    public static StoredConsultRequest ToStored(ConsultRequestRecord row) => new(row.Reference, Utc(row.CreatedAt), ToRequest(row));

    private static ConsultRequest ToRequest(ConsultRequestRecord row) => new(
        Guid.Parse(row.BookingId),
        row.Reference,
        row.ChannelId,
        row.Name,
        new ContactDetails(row.Phone, row.Email),
        Enum.Parse<ConsultMode>(row.ConsultMode),
        Enum.Parse<PreferredTime>(row.TimeOfDay),
        row.Concern,
        Utc(row.ConsentGivenAt),
        row.ConsentVersion) { RequesterKey = row.RequesterKey, ConversationKey = row.ConversationKey };

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
