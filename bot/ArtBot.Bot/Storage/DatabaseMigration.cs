using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>
/// Brings the database to the current schema before the app takes its first request, unless
/// <see cref="DatabaseOptions.MigrateAtStartup"/> is off (production: <c>ArtBot.Bot migrate</c> runs them instead).
/// </summary>
public sealed class DatabaseMigration(IDbContextFactory<ArtBotDbContext> contexts, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateAtStartup)
        {
            await MigrateAsync(contexts, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IDbContextFactory<ArtBotDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MigrateAsync(cancellationToken);
    }
}
