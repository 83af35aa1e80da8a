using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>The embedded database: one file under App_Data, nothing to install.</summary>
public sealed class SqliteArtBotContext(DbContextOptions<SqliteArtBotContext> options) : ArtBotDbContext(options)
{
    private const int ConstraintViolation = 19;

    public static void Configure(DbContextOptionsBuilder options, string path) =>
        options.UseSqlite(ConnectionString(path)).AddInterceptors(ConnectionSettings.Instance);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 10,
    }.ToString();

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: ConstraintViolation };

    /// <summary>
    /// Copies the write-ahead log into the file and empties it, so deleted rows leave no older copy behind in the log.
    /// Best effort: with readers busy the log is emptied at the next checkpoint.
    /// </summary>
    public override Task AfterDeleteAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource;
        CreateForTheBotAlone(path);
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            var connection = (SqliteConnection)Database.GetDbConnection();
            await LegacySchema.SetAsideAsync(connection, cancellationToken);
            await Database.MigrateAsync(cancellationToken);
            await LegacySchema.CopyInAsync(connection, cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Patients' requests are in this file: readable by the bot's own user only (0600, in a 0700 folder when the bot
    /// makes it). SQLite gives its -wal and -shm files the database's permissions.
    /// </summary>
    private static void CreateForTheBotAlone(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>
    /// Every connection overwrites deleted rows with zeros, so what "forget me" and retention delete cannot be read
    /// back from the file, and waits for another writer's lock instead of failing. Set once per connection SQLite
    /// opens: pooled connections keep their settings, so reopening one from the pool costs nothing.
    /// </summary>
    private sealed class ConnectionSettings : DbConnectionInterceptor
    {
        public static readonly ConnectionSettings Instance = new();

        private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsNew(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsNew(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private bool IsNew(DbConnection connection) =>
            ((SqliteConnection)connection).Handle is not { } handle || _configured.TryAdd(handle, this);
    }
}
