using System.Collections;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Storage;

/// <summary>
/// Bot state (<see cref="IStorage"/>) kept in the database, so a restart or another instance resumes a booking where
/// it was. Optimistic concurrency: an item read with an ETag may be written back only while that ETag is still
/// current, and an item read when there was none (no ETag) only while there is still none; otherwise
/// <see cref="StaleStateException"/>. "*" overwrites. After a write the item carries its new ETag, so a turn may save twice.
/// </summary>
public sealed class DatabaseBotStorage(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider? time = null) : IStorage, IConversationStateRetention
{
    private const string ETagProperty = "ETag";

    /// <summary>Ends the ETag of a version that holds a booking's details (<see cref="ConsultBooking.DetailsHeldIn"/>).</summary>
    private const string HoldsDetailsMark = "-b";

    private static readonly JsonSerializer Serializer = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    };

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One key (what BotState reads) is a plain equality; several go through the provider's IN list.
        var rows = keys.Length == 1
            ? await db.BotState.AsNoTracking().Where(row => row.Key == keys[0]).ToListAsync(cancellationToken)
            : await db.BotState.AsNoTracking().Where(row => keys.Contains(row.Key)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var document = JObject.Parse(row.Document);
            document[ETagProperty] = row.ETag;
            items[row.Key] = document.ToObject<object>(Serializer)!;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = changes.Count > 1 ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (key, value) in changes)
        {
            await WriteOneAsync(db, key, value, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return DeleteWhereAsync(row => keys.Contains(row.Key), cancellationToken);
    }

    public Task<int> DeleteUnfinishedBookingsNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.HoldsBookingDetails && row.UpdatedAt < cutoff.UtcDateTime, cancellationToken);

    public Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.UpdatedAt < cutoff.UtcDateTime, cancellationToken);

    private async Task<int> DeleteWhereAsync(System.Linq.Expressions.Expression<Func<BotStateRecord, bool>> condition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.BotState.Where(condition).ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Writes one item: an update guarded by the ETag it was read with, or an insert when there is nothing yet. A
    /// guarded update that changes nothing, or an insert that loses to another writer, means someone wrote first.
    /// </summary>
    private async Task WriteOneAsync(ArtBotDbContext db, string key, object value, CancellationToken cancellationToken)
    {
        var document = JObject.FromObject(value, Serializer);
        var expected = ETagOf(value);
        document.Remove(ETagProperty);
        var json = document.ToString(Formatting.None);
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var holdsBookingDetails = ConsultBooking.DetailsHeldIn(document);
        var etag = Guid.NewGuid().ToString("N") + (holdsBookingDetails ? HoldsDetailsMark : "");
        var overwrite = expected == "*";

        // A booking cancelled or sent: its name and contact leave the state, and the older copy of the row must leave the
        // log too. The ETag it was read with says whether that copy held them, so no extra read is needed on every write.
        var detailsLeaving = !holdsBookingDetails && expected?.EndsWith(HoldsDetailsMark, StringComparison.Ordinal) == true;
        if (expected is not null && await UpdateAsync(db, key, overwrite ? null : expected, etag, json, now, holdsBookingDetails, cancellationToken))
        {
            RememberETag(value, etag);
            if (detailsLeaving)
            {
                await db.AfterDeleteAsync(cancellationToken);
            }
            return;
        }
        if (expected is not null && !overwrite
            && await db.BotState.AsNoTracking().Where(row => row.Key == key).Select(row => row.ETag).FirstOrDefaultAsync(cancellationToken) is { } current)
        {
            throw new StaleStateException(key, expected, current);
        }
        db.BotState.Add(new BotStateRecord { Key = key, ETag = etag, Document = json, UpdatedAt = now, HoldsBookingDetails = holdsBookingDetails });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            RememberETag(value, etag);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another turn or instance stored this key between our update and our insert.
            if (!overwrite || !await UpdateAsync(db, key, null, etag, json, now, holdsBookingDetails, cancellationToken))
            {
                throw new StaleStateException(key, expected ?? "(none: read before it was first saved)", "(written by another turn)");
            }
            RememberETag(value, etag);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Updates the row if it exists and, when <paramref name="expected"/> is given, still has that ETag.</summary>
    private static async Task<bool> UpdateAsync(
        ArtBotDbContext db, string key, string? expected, string etag, string json, DateTime now, bool holdsBookingDetails, CancellationToken cancellationToken)
    {
        var rows = expected is null ? db.BotState.Where(row => row.Key == key) : db.BotState.Where(row => row.Key == key && row.ETag == expected);
        return await rows.ExecuteUpdateAsync(set => set
            .SetProperty(row => row.ETag, etag)
            .SetProperty(row => row.Document, json)
            .SetProperty(row => row.UpdatedAt, now)
            .SetProperty(row => row.HoldsBookingDetails, holdsBookingDetails), cancellationToken) == 1;
    }

    private static void RememberETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case JObject json:
                json[ETagProperty] = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[ETagProperty] = etag;
                break;
            case IDictionary dictionary:
                dictionary[ETagProperty] = etag;
                break;
        }
    }

    /// <summary>The ETag a value was read with: <see cref="IStoreItem"/>, or the "ETag" entry of a JSON object or of BotState's dictionary.</summary>
    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject json => (string?)json[ETagProperty],
        IDictionary<string, object> dictionary => dictionary.TryGetValue(ETagProperty, out var etag) ? etag?.ToString() : null,
        IDictionary dictionary => dictionary.Contains(ETagProperty) ? dictionary[ETagProperty]?.ToString() : null,
        _ => null,
    };
}
