namespace ArtBot.Bot.Outbox;

/// <summary>
/// Sends one destination's entries of the outbox. Runs on every instance; each entry is taken by one (a lease). An
/// entry that fails (Teams down or throttled, the mail server refusing) is tried again later, waiting twice as long
/// each time up to <see cref="MaxRetryDelay"/>. What this instance adds to the outbox is sent at once
/// (<see cref="OutboxSignal"/>), the rest at the next interval.
/// </summary>
/// <typeparam name="TBatch">What the sender reads once before taking a batch (the staff channel), so a stop in between leaves no entry leased.</typeparam>
public abstract partial class OutboxSender<TBatch>(IOutbox outbox, OutboxSignal signal, TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected IOutbox Outbox => outbox;

    protected ILogger Logger => logger;

    protected abstract OutboxDestination Destination { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract TimeSpan MaxRetryDelay { get; }

    /// <summary>
    /// How long the entries taken are this instance's alone. A batch starts no entry once half of it has passed and hands
    /// the rest back, so with one slow call after that nothing is still being sent when another instance may take it.
    /// </summary>
    protected virtual TimeSpan Lease => TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due; returns how many entries were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var batch = await BeforeTakingAsync(cancellationToken);
        var taken = await outbox.TakeDueAsync(Destination, _holder, max: 20, Lease, cancellationToken);
        var takenAt = time.GetTimestamp();
        for (var index = 0; index < taken.Count; index++)
        {
            var entry = taken[index];
            if (time.GetElapsedTime(takenAt) > Lease / 2)
            {
                LogHandedBack(logger, Destination, taken.Count - index);
                await HandBackAsync(taken.Skip(index));
                break;
            }
            try
            {
                if (await SendAsync(entry, batch, cancellationToken) is { } problem)
                {
                    await RecordFailedAsync(entry, time.GetUtcNow() + Interval, problem);
                    continue;
                }
                sent++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: hand this entry and the rest back at once rather than leave them to the lease, so the next start sends them.
                await HandBackAsync(taken.Skip(index));
                throw;
            }
            catch (Exception exception)
            {
                var delay = RetryDelay(entry.Attempts + 1);
                LogNotSent(logger, entry.Kind, entry.Reference, entry.Attempts + 1, delay.TotalSeconds, exception.Message);
                await RecordFailedAsync(entry, time.GetUtcNow() + delay, exception.Message);
            }
        }
        return sent;
    }

    /// <summary>
    /// Records that the entry was sent. What a send did is recorded even while stopping (never with the stopping token):
    /// a post recorded as not sent would be posted again after the restart, and an entry left half-done would stay
    /// leased to this instance, unsent, until its lease ran out.
    /// </summary>
    protected Task RecordSentAsync(OutboxEntry entry, string? threadConversationId = null, string? cardActivityId = null) =>
        outbox.MarkSentAsync(entry.Id, threadConversationId, cardActivityId, CancellationToken.None);

    /// <summary>Records a failed send and when to try again, even while stopping, as <see cref="RecordSentAsync"/> does.</summary>
    private Task RecordFailedAsync(OutboxEntry entry, DateTimeOffset dueAt, string problem) =>
        outbox.MarkFailedAsync(entry.Id, dueAt, problem, CancellationToken.None);

    /// <summary>Frees entries this instance took but will not send now, even while stopping.</summary>
    private async Task HandBackAsync(IEnumerable<OutboxEntry> entries)
    {
        foreach (var entry in entries)
        {
            await outbox.HandBackAsync(entry.Id, CancellationToken.None);
        }
    }

    /// <summary>2, 4, 8… seconds, up to the most the settings allow.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), MaxRetryDelay.TotalSeconds));

    /// <summary>Reads what every entry of a batch needs, before any is taken.</summary>
    protected abstract Task<TBatch> BeforeTakingAsync(CancellationToken cancellationToken);

    /// <summary>Sends one entry and marks it sent; returns why it must wait (no channel yet), or null when it is done.</summary>
    protected abstract Task<string?> SendAsync(OutboxEntry entry, TBatch batch, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogOutboxFailed(logger, Destination, exception);
            }
            try
            {
                await signal.WaitAsync(Destination, Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Half the outbox lease has passed; {Count} {Destination} entries handed back for the next round")]
    private static partial void LogHandedBack(ILogger logger, OutboxDestination destination, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Kind} for {Reference} (attempt {Attempts}); trying again in {Seconds} s: {Problem}")]
    private static partial void LogNotSent(ILogger logger, OutboxKind kind, string reference, int attempts, double seconds, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox for {Destination} could not be read; it is tried again at the next interval")]
    private static partial void LogOutboxFailed(ILogger logger, OutboxDestination destination, Exception exception);
}
