using System.Collections.Concurrent;

namespace ArtBot.Bot.Observability;

/// <summary>
/// Counts turns by outcome and answers by topic in memory, and adds them to the day's counts in the database every
/// half minute (and when the bot stops), so a turn costs no database write. A crash loses at most the last half minute.
/// Counts that could not be saved are kept for the next try, counted in <c>/metrics</c> and shown in <c>/readyz</c>.
/// </summary>
public sealed partial class TurnCounts(IDailyCounts store, TimeProvider time, ArtBotMetrics metrics, ILogger<TurnCounts> logger) : BackgroundService
{
    public const string Turns = "turns";
    public const string Answers = "answers";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private ConcurrentDictionary<DailyCountKey, long> _pending = new();

    /// <summary>When saving the counts began to fail, if the last try failed; null while they are saved.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public void Record(string outcome, IEnumerable<string> topics)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _pending.AddOrUpdate(new DailyCountKey(day, Turns, outcome), 1, (_, count) => count + 1);
        foreach (var topic in topics)
        {
            _pending.AddOrUpdate(new DailyCountKey(day, Answers, topic), 1, (_, count) => count + 1);
        }
    }

    /// <summary>Counts one of something else for the day (a vote on an answer, …).</summary>
    public void Count(string metric, string key) =>
        _pending.AddOrUpdate(new DailyCountKey(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), metric, key), 1, (_, count) => count + 1);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<DailyCountKey, long>());
        if (taken.IsEmpty)
        {
            return;
        }
        try
        {
            await store.AddAsync(taken, cancellationToken);
            FailingSince = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Put them back for the next flush.
            foreach (var (key, count) in taken)
            {
                _pending.AddOrUpdate(key, count, (_, pending) => pending + count);
            }
            FailingSince ??= time.GetUtcNow();
            metrics.RecordCountsNotSaved();
            LogNotSaved(logger, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The day's counts could not be saved; they are kept for the next try")]
    private static partial void LogNotSaved(ILogger logger, Exception exception);
}
