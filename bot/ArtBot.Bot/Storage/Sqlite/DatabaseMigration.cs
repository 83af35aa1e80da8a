namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>Creates and migrates the database before the app takes its first request.</summary>
public sealed class DatabaseMigration(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
