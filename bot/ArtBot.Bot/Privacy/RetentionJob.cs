using ArtBot.Bot.Consult;
using ArtBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Privacy;

/// <summary>
/// Deletes consult requests, and the state of conversations, older than the retention period, and unfinished bookings
/// after <see cref="PrivacyOptions.UnfinishedBookingHours"/>; at start-up and then regularly. With several instances
/// on one database, only the one holding the retention lease sweeps.
/// </summary>
public sealed partial class RetentionJob(
    IConsultRequestStore requests, IConversationStateRetention state, BackgroundLeases leases, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    private const string Lease = "retention";

    /// <summary>Sweeps if this instance holds (or takes) the lease; null when another instance does the sweeping.</summary>
    public async Task<(int Requests, int Conversations)?> SweepAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryTakeAsync(Lease, options.Value.RetentionSweepInterval, cancellationToken))
        {
            return null;
        }
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var unfinished = await state.DeleteUnfinishedBookingsNotUpdatedSinceAsync(time.GetUtcNow() - TimeSpan.FromHours(options.Value.UnfinishedBookingHours), cancellationToken);
        var deleted = (await requests.DeleteStoredBeforeAsync(cutoff, cancellationToken), unfinished + await state.DeleteNotUpdatedSinceAsync(cutoff, cancellationToken));
        if (deleted != (0, 0))
        {
            LogSwept(logger, deleted.Item1, deleted.Item2, options.Value.RetentionDays);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Requests} consult requests and {Conversations} conversation states older than {Days} days")]
    private static partial void LogSwept(ILogger logger, int requests, int conversations, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
