using ArtBot.Bot.Consult;
using ArtBot.Bot.Observability;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Unanswered;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Privacy;

/// <summary>
/// Deletes consult requests, the state of conversations, the questions kept for review and the daily counts older
/// than the retention period (the counts kept at least as long as staff's <c>stats</c> shows), and unfinished bookings
/// after <see cref="PrivacyOptions.UnfinishedBookingHours"/>; at start-up and then regularly. With several instances
/// on one database, only the one holding the retention lease sweeps.
/// </summary>
public sealed partial class RetentionJob(
    IConsultRequestStore requests,
    IConversationStateRetention state,
    IUnansweredQuestionLog unansweredQuestions,
    IDailyCounts dailyCounts,
    BackgroundLeases leases,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger)
    : BackgroundService
{
    private const string Lease = "retention";

    public readonly record struct Swept(int Requests, int Conversations, int Questions, int DailyCounts);

    /// <summary>Sweeps if this instance holds (or takes) the lease; null when another instance does the sweeping.</summary>
    public async Task<Swept?> SweepAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryTakeAsync(Lease, options.Value.RetentionSweepInterval, cancellationToken))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
        var countsCutoff = DateOnly.FromDateTime((now - TimeSpan.FromDays(Math.Max(options.Value.RetentionDays, Staff.StaffStats.Days))).UtcDateTime);
        var unfinished = await state.DeleteUnfinishedBookingsNotUpdatedSinceAsync(now - TimeSpan.FromHours(options.Value.UnfinishedBookingHours), cancellationToken);
        var swept = new Swept(
            await requests.DeleteStoredBeforeAsync(cutoff, cancellationToken),
            unfinished + await state.DeleteNotUpdatedSinceAsync(cutoff, cancellationToken),
            await unansweredQuestions.DeleteAskedBeforeAsync(cutoff, cancellationToken),
            await dailyCounts.DeleteBeforeAsync(countsCutoff, cancellationToken));
        if (swept != default)
        {
            LogSwept(logger, swept.Requests, swept.Conversations, swept.Questions, swept.DailyCounts, options.Value.RetentionDays);
        }
        return swept;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Requests} consult requests, {Conversations} conversation states, {Questions} questions kept for review and {DailyCounts} daily counts older than {Days} days")]
    private static partial void LogSwept(ILogger logger, int requests, int conversations, int questions, int dailyCounts, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
