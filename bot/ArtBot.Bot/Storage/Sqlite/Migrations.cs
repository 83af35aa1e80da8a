namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>The schema, one numbered step at a time; a step once shipped is never edited, only followed by another.</summary>
public static class Migrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE bot_state (
                key        TEXT PRIMARY KEY,
                etag       TEXT NOT NULL,
                document   TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE consult_requests (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                booking_id       TEXT NOT NULL UNIQUE,
                reference        TEXT NOT NULL UNIQUE,
                created_at       TEXT NOT NULL,
                channel_id       TEXT NOT NULL,
                name             TEXT NOT NULL,
                phone            TEXT NULL,
                email            TEXT NULL,
                consult_mode     TEXT NOT NULL,
                time_of_day      TEXT NOT NULL,
                concern          TEXT NULL,
                consent_given_at TEXT NOT NULL,
                consent_version  TEXT NOT NULL,
                CHECK (phone IS NOT NULL OR email IS NOT NULL)
            );
            """),
        (2, """
            ALTER TABLE consult_requests ADD COLUMN requester_key TEXT NULL;
            CREATE INDEX ix_consult_requests_requester_key ON consult_requests (requester_key);
            CREATE INDEX ix_consult_requests_created_at ON consult_requests (created_at);
            CREATE INDEX ix_bot_state_updated_at ON bot_state (updated_at);
            """),
        (3, """
            ALTER TABLE consult_requests ADD COLUMN conversation_key TEXT NULL;
            CREATE INDEX ix_consult_requests_conversation_key ON consult_requests (conversation_key);
            """),
        (4, """
            CREATE TABLE data_protection_keys (
                friendly_name TEXT PRIMARY KEY,
                xml           TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS readiness_probe (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);
            """),
    ];
}
