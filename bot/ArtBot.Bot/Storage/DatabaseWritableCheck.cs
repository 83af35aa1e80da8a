using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtBot.Bot.Storage;

/// <summary>
/// Ready only if the database can be written: a bot that can read but not store a booking would tell every visitor
/// "something went wrong". Writes one small row in a table of its own.
/// </summary>
public sealed class DatabaseWritableCheck(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time) : IHealthCheck
{
    private const int ProbeId = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            // One statement (SQLite and PostgreSQL share the syntax): probes arriving together never race for the row.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO readiness_probe (id, checked_at) VALUES ({ProbeId}, {now}) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                cancellationToken);
            return HealthCheckResult.Healthy("The database can be written.");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: " + (exception.InnerException ?? exception).Message);
        }
    }
}
