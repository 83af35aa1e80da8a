using ArtBot.Bot.Storage.Sqlite;
using ArtBot.Bot.Storage;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>A migrated SQLite database in its own temporary folder, deleted afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("artbot-db-").FullName;
        Database = new SqliteDatabase(Path.Combine(Folder, "artbot.db"));
        Database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
