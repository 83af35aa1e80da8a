using ArtBot.Bot.Observability;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseDailyCounts(IDbContextFactory<ArtBotDbContext> contexts) : IDailyCounts
{
    /// <summary>
    /// Adds a batch in one transaction, each count one upsert (the same SQL on SQLite and PostgreSQL): a batch that fails
    /// adds nothing, so the caller can keep it and try again without counting anything twice.
    /// </summary>
    public async Task AddAsync(IReadOnlyDictionary<DailyCountKey, long> counts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (key, count) in counts)
        {
            var day = key.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO daily_counts ("day", "metric", "key", "count") VALUES ({day}, {key.Metric}, {key.Key}, {count})
                ON CONFLICT ("day", "metric", "key") DO UPDATE SET "count" = daily_counts."count" + excluded."count"
                """,
                cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<DailyCountKey, long>> SinceAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.DailyCounts.AsNoTracking().Where(row => row.Day >= start).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => new DailyCountKey(DateOnly.FromDateTime(row.Day), row.Metric, row.Key), row => row.Count);
    }

    public async Task<int> DeleteBeforeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.DailyCounts.Where(row => row.Day < before).ExecuteDeleteAsync(cancellationToken);
    }
}
