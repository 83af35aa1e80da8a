namespace ArtBot.Bot.Observability;

/// <summary>Counts per day kept in the database, for staff's <c>stats</c>: turns by outcome, answers by topic.</summary>
public interface IDailyCounts
{
    /// <summary>Adds to the day's counts (several instances add to the same rows).</summary>
    Task AddAsync(IReadOnlyDictionary<DailyCountKey, long> counts, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<DailyCountKey, long>> SinceAsync(DateOnly from, CancellationToken cancellationToken);

    /// <summary>Deletes the counts of the days before <paramref name="day"/> (retention); returns how many rows.</summary>
    Task<int> DeleteBeforeAsync(DateOnly day, CancellationToken cancellationToken);
}

public readonly record struct DailyCountKey(DateOnly Day, string Metric, string Key);
