using Microsoft.Data.Sqlite;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>The bot's SQLite database: opens connections and brings the schema up to date at start-up.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        // Several turns may write at once: wait for the lock instead of failing. Deleted rows are overwritten with zeros,
        // so what "forget me" and retention delete cannot be read back from the file.
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Copies the write-ahead log into the database file and empties it, so deleted rows leave no older copy behind in
    /// the log. Best effort: with readers busy the log is emptied at the next checkpoint.
    /// </summary>
    public async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a DELETE and then empties the write-ahead log: every delete (forget me, retention) leaves nothing of the
    /// deleted rows to read back, in the file or in the log. Returns how many rows were deleted.
    /// </summary>
    public async Task<int> DeleteAsync(string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await CheckpointAsync(connection, cancellationToken);
        return deleted;
    }

    /// <summary>A time as it is stored: round-trip UTC strings, which sort in time order.</summary>
    public static string Stored(DateTimeOffset time) => time.ToUniversalTime().ToString("O");

    /// <summary>Creates the file and applies the migrations it has not had yet, each in its own transaction.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        foreach (var (version, sql) in Migrations.All)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $version";
            check.Parameters.AddWithValue("$version", version);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $now)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
