using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>
/// Ready only if the database can be written: a bot that can read but not store a booking would tell every visitor
/// "something went wrong". Writes one small row in a table of its own (made by migration 4).
/// </summary>
public sealed class DatabaseWritableCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            using var probe = connection.CreateCommand();
            probe.CommandText = """
                INSERT INTO readiness_probe (id, checked_at) VALUES (1, $now) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at;
                """;
            probe.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
            await probe.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database can be written.");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: " + exception.Message);
        }
    }
}
