namespace ArtBot.Bot.Storage;

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
    ];
}
