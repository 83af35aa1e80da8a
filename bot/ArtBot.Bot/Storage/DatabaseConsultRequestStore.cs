using ArtBot.Bot.Consult;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>Consult requests in the database: one row per booking id, a unique reference, deletes that leave nothing readable.</summary>
public sealed class DatabaseConsultRequestStore(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider? time = null) : IConsultRequestStore
{
    private const int ReferenceAttempts = 5;

    public async Task<SavedConsultRequest> SaveAsync(ConsultRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bookingId = request.BookingId.ToString("N");
        var record = ToRecord(request, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        for (var attempt = 1; ; attempt++)
        {
            db.ConsultRequests.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SavedConsultRequest(record.Reference, IsNew: true);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                // Stored already (a re-sent activity, a double click, another instance): the first reference stands.
                var stored = await db.ConsultRequests.AsNoTracking().Where(row => row.BookingId == bookingId).Select(row => row.Reference).FirstOrDefaultAsync(cancellationToken);
                if (stored is not null)
                {
                    return new SavedConsultRequest(stored, IsNew: false);
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
        return [.. rows.Select(row => new StoredConsultRequest(row.Reference, Utc(row.CreatedAt), ToRequest(row)))];
    }

    public async Task<int> DeleteForPersonAsync(PersonKeys person, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var references = person.References.ToList();
        var deleted = await db.ConsultRequests
            .Where(row => row.RequesterKey == person.RequesterKey || row.ConversationKey == person.ConversationKey || references.Contains(row.Reference))
            .ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.ConsultRequests.Where(row => row.CreatedAt < cutoff.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
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
