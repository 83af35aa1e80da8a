using ArtBot.Bot.Observability;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseDailyCounts(IDbContextFactory<ArtBotDbContext> contexts) : IDailyCounts
{
    public async Task AddAsync(IReadOnlyDictionary<DailyCountKey, long> counts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var (key, count) in counts)
        {
            var day = key.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            for (var attempt = 1; ; attempt++)
            {
                if (await db.DailyCounts.Where(row => row.Day == day && row.Metric == key.Metric && row.Key == key.Key)
                        .ExecuteUpdateAsync(set => set.SetProperty(row => row.Count, row => row.Count + count), cancellationToken) == 1)
                {
                    break;
                }
                db.DailyCounts.Add(new DailyCountRecord { Day = day, Metric = key.Metric, Key = key.Key, Count = count });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    break;
                }
                catch (DbUpdateException exception) when (db.IsUniqueViolation(exception) && attempt == 1)
                {
                    // Another instance made the row first: add to it.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    public async Task<IReadOnlyDictionary<DailyCountKey, long>> SinceAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.DailyCounts.AsNoTracking().Where(row => row.Day >= start).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => new DailyCountKey(DateOnly.FromDateTime(row.Day), row.Metric, row.Key), row => row.Count);
    }
}
