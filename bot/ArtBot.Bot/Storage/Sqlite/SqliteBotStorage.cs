using System.Collections;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ArtBot.Bot.Privacy;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>
/// Bot state (<see cref="IStorage"/>) kept in the database, so a restart in the middle of a booking resumes where it was.
/// Optimistic concurrency as the Bot Framework's stores do it: an item read with an ETag may be written back only while
/// that ETag is still current; "*" or no ETag overwrites.
/// </summary>
public sealed class SqliteBotStorage(SqliteDatabase database, TimeProvider? time = null) : IStorage, IConversationStateRetention
{
    private const string ETagProperty = "ETag";

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
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys.Distinct())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, document FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var document = JObject.Parse(reader.GetString(1));
                document[ETagProperty] = reader.GetString(0);
                items[key] = document.ToObject<object>(Serializer)!;
            }
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
        await using var connection = await database.OpenAsync(cancellationToken);
        // IMMEDIATE takes the write lock at once, so the ETag check and the write cannot interleave with another writer.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (key, value) in changes)
        {
            var document = JObject.FromObject(value, Serializer);
            var expected = ETagOf(value);
            document.Remove(ETagProperty);
            var current = await CurrentETagAsync(connection, transaction, key, cancellationToken);
            if (current is not null && expected is not null && expected != "*" && expected != current)
            {
                throw new StaleStateException(key, expected, current);
            }
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO bot_state (key, etag, document, updated_at) VALUES ($key, $etag, $document, $now)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at
                """;
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$etag", Guid.NewGuid().ToString("N"));
            upsert.Parameters.AddWithValue("$document", document.ToString(Formatting.None));
            upsert.Parameters.AddWithValue("$now", (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime().ToString("O"));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await database.CheckpointAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Deletes the state of conversations with a booking left unfinished (a name or contact in it) and not written to
    /// since <paramref name="cutoff"/>: those details are kept a day, not the whole retention period.
    /// </summary>
    public Task<int> DeleteUnfinishedBookingsNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.DeleteAsync("""
            DELETE FROM bot_state
            WHERE updated_at < $cutoff
              AND (json_extract(document, '$.ConsultBooking.Name') IS NOT NULL OR json_extract(document, '$.ConsultBooking.Contact') IS NOT NULL)
            """, [("$cutoff", SqliteDatabase.Stored(cutoff))], cancellationToken);

    /// <summary>Deletes the state of conversations nobody has written to since <paramref name="cutoff"/> (retention).</summary>
    public Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.DeleteAsync("DELETE FROM bot_state WHERE updated_at < $cutoff", [("$cutoff", SqliteDatabase.Stored(cutoff))], cancellationToken);

    /// <summary>The ETag a value was read with: <see cref="IStoreItem"/>, or the "ETag" entry of a JSON object or of BotState's dictionary.</summary>
    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject json => (string?)json[ETagProperty],
        IDictionary<string, object> dictionary => dictionary.TryGetValue(ETagProperty, out var etag) ? etag?.ToString() : null,
        IDictionary dictionary => dictionary.Contains(ETagProperty) ? dictionary[ETagProperty]?.ToString() : null,
        _ => null,
    };

    private static async Task<string?> CurrentETagAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }
}
