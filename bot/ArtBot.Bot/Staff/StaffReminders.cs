using ArtBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Staff;

/// <summary>
/// Keeps requests from being forgotten: one nobody has claimed after <see cref="StaffOptions.UnclaimedAlertHours"/> is
/// raised once in its thread, and at <see cref="StaffOptions.DigestTime"/> each day a digest lists the open ones
/// (posted late if the bot was down then, and once a day whichever instance gets there first).
/// </summary>
public sealed partial class StaffReminders(IStaffTickets tickets, BackgroundLeases leases, IOptions<StaffOptions> options, TimeProvider time, ILogger<StaffReminders> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly TimeZoneInfo _zone = options.Value.ClinicTimeZone();

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raised = await tickets.RaiseUnclaimedAsync(now - TimeSpan.FromHours(options.Value.UnclaimedAlertHours), cancellationToken);
        if (raised.Count > 0)
        {
            LogRaised(logger, raised.Count, options.Value.UnclaimedAlertHours);
        }
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        if (options.Value.DigestTime is { } digestTime && TimeOnly.FromDateTime(local.DateTime) >= digestTime
            && await tickets.FindChannelAsync(cancellationToken) is not null
            && await leases.TryClaimOnceAsync($"staff-digest:{local:yyyy-MM-dd}", cancellationToken))
        {
            await tickets.QueueDigestAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} consult requests nobody claimed in {Hours} hours")]
    private static partial void LogRaised(ILogger logger, int count, int hours);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staff reminders failed; they run again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
