using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ArtBot.Bot.Storage.PostgreSql;

/// <summary>The shared database for several instances behind a load balancer (<c>ConnectionStrings:ArtBot</c>).</summary>
public sealed class PostgreSqlArtBotContext(DbContextOptions<PostgreSqlArtBotContext> options) : ArtBotDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>Any number, the same in every instance: the advisory lock that lets one instance migrate at a time.</summary>
    private const long MigrationLock = 0x41727442_6F74; // "ArtBot"

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Instances that start together all migrate: a session-level advisory lock makes the others wait, and then find
    /// nothing left to apply. (Seen without it: two instances creating the same table at once.)
    /// </summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                // EF reads the history table before creating it and logs the failure as an error (dotnet/efcore#37328):
                // a fresh database's clean start would show one. Its own script creates the table first.
                await Database.ExecuteSqlRawAsync(Database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }
}
