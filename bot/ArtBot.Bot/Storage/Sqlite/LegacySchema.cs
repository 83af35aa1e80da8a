using Microsoft.Data.Sqlite;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>
/// Brings a database made before EF Core (hand-written migrations 1–4, recorded in <c>schema_migrations</c>) over to
/// EF Core's schema without losing a consult request, a conversation or a Data Protection key: its tables are set
/// aside under <c>legacy_</c> names, EF Core creates its own, and the rows are copied in, in one transaction (each
/// request with a staff ticket, so it reaches the staff channel). Each step can be run again, so an upgrade
/// interrupted by a crash finishes at the next start.
/// </summary>
public static class LegacySchema
{
    private static readonly string[] Tables = ["bot_state", "consult_requests", "data_protection_keys"];

    public static async Task SetAsideAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, "schema_migrations", cancellationToken))
        {
            return;
        }
        await using var transaction = connection.BeginTransaction();
        foreach (var index in new[] { "ix_consult_requests_requester_key", "ix_consult_requests_created_at", "ix_bot_state_updated_at", "ix_consult_requests_conversation_key" })
        {
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {index};", cancellationToken);
        }
        foreach (var table in Tables)
        {
            if (await TableExistsAsync(connection, table, cancellationToken))
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} RENAME TO legacy_{table};", cancellationToken);
            }
        }
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS readiness_probe; DROP TABLE schema_migrations;", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task CopyInAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, "legacy_bot_state", cancellationToken))
        {
            return;
        }
        await using var transaction = connection.BeginTransaction();
        // Times were round-trip strings ("2026-05-01T09:30:00.0000000+00:00"); EF Core keeps "2026-05-01 09:30:00.000".
        await ExecuteAsync(connection, """
            INSERT OR IGNORE INTO bot_state (key, etag, document, updated_at, holds_booking_details)
            SELECT key, etag, document, strftime('%Y-%m-%d %H:%M:%f', updated_at),
                   json_extract(document, '$.ConsultBooking.Name') IS NOT NULL OR json_extract(document, '$.ConsultBooking.Contact') IS NOT NULL
            FROM legacy_bot_state;
            INSERT OR IGNORE INTO consult_requests
                (booking_id, reference, created_at, channel_id, name, phone, email, consult_mode, time_of_day, concern, consent_given_at, consent_version, requester_key, conversation_key)
            SELECT booking_id, reference, strftime('%Y-%m-%d %H:%M:%f', created_at), channel_id, name, phone, email, consult_mode, time_of_day, concern,
                   strftime('%Y-%m-%d %H:%M:%f', consent_given_at), consent_version, requester_key, conversation_key
            FROM legacy_consult_requests ORDER BY id;
            INSERT OR IGNORE INTO data_protection_keys (friendly_name, xml) SELECT friendly_name, xml FROM legacy_data_protection_keys;
            -- Requests made before staff tickets existed become tickets too, and go to the staff channel.
            INSERT OR IGNORE INTO staff_tickets (reference, status, version, created_at, topics_asked)
            SELECT reference, 'Unassigned', 0, created_at, '' FROM consult_requests WHERE reference IN (SELECT reference FROM legacy_consult_requests);
            INSERT INTO staff_outbox (reference, kind, attempts, due_at)
            SELECT reference, 'Post', 0, created_at FROM consult_requests WHERE reference IN (SELECT reference FROM legacy_consult_requests);
            DROP TABLE legacy_bot_state;
            DROP TABLE legacy_consult_requests;
            DROP TABLE legacy_data_protection_keys;
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;", cancellationToken);
    }

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
