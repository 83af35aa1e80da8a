using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Staff;

/// <summary>
/// Sends the staff outbox to Teams: new tickets as threads in the staff channel, card updates, notes. Runs on every
/// instance; each entry is taken by one (a lease). An entry that fails (Teams down, throttled with 429, no staff
/// channel yet) is tried again later, waiting twice as long each time up to <see cref="StaffOptions.MaxRetryDelay"/>.
/// What this instance adds to the outbox is sent at once (<see cref="StaffOutboxSignal"/>), the rest at the next interval.
/// </summary>
public sealed partial class StaffTicketPoster(
    IStaffOutbox outbox, IStaffTickets tickets, IStaffChannelMessenger messenger, TicketCard cards, StaffOutboxSignal signal, IOptions<StaffOptions> options,
    TimeProvider time, ILogger<StaffTicketPoster> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends what is due; returns how many entries reached Teams.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        // Read before anything is taken, so a stop in between leaves no entry leased to this instance.
        var channel = await tickets.FindChannelAsync(cancellationToken);
        var taken = await outbox.TakeDueAsync(_holder, max: 20, Lease, cancellationToken);
        for (var index = 0; index < taken.Count; index++)
        {
            var entry = taken[index];
            try
            {
                if (await SendAsync(entry, channel, cancellationToken) is { } problem)
                {
                    await outbox.MarkFailedAsync(entry.Id, time.GetUtcNow() + options.Value.OutboxInterval, problem, cancellationToken);
                    continue;
                }
                sent++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: hand this entry and the rest back at once rather than leave them to the lease, so the next start sends them.
                foreach (var unsent in taken.Skip(index))
                {
                    await outbox.MarkFailedAsync(unsent.Id, time.GetUtcNow(), "The bot stopped while sending.", CancellationToken.None);
                }
                throw;
            }
            catch (Exception exception)
            {
                var delay = RetryDelay(entry.Attempts + 1);
                LogNotSent(logger, entry.Kind, entry.Reference, entry.Attempts + 1, delay.TotalSeconds, exception.Message);
                await outbox.MarkFailedAsync(entry.Id, time.GetUtcNow() + delay, exception.Message, cancellationToken);
            }
        }
        return sent;
    }

    /// <summary>2, 4, 8… seconds, up to the most the settings allow.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), options.Value.MaxRetryDelay.TotalSeconds));

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
                LogOutboxFailed(logger, exception);
            }
            try
            {
                await signal.WaitAsync(options.Value.OutboxInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one entry; returns why it must wait (no channel, no card yet) or null when sent.</summary>
    private async Task<string?> SendAsync(StaffOutboxEntry entry, StaffChannel? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return "No staff channel yet: add the app to the staff team, or say \"post consult requests here\" in its channel.";
        }
        if (entry.Kind == StaffOutboxKind.Digest)
        {
            await messenger.StartThreadAsync(channel, cards.Digest(await tickets.ListOpenAsync(cancellationToken)), cancellationToken);
            await outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
            return null;
        }
        if (await tickets.FindAsync(entry.Reference, cancellationToken) is not { } ticket)
        {
            await outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
            return null;
        }
        switch (entry.Kind)
        {
            case StaffOutboxKind.Post when ticket.CardActivityId is null:
                var (thread, activityId) = await messenger.StartThreadAsync(channel, cards.ToActivity(ticket), cancellationToken);
                await outbox.MarkSentAsync(entry.Id, thread, activityId, cancellationToken);
                LogPosted(logger, ticket.Reference);
                return null;
            case StaffOutboxKind.Post:
                // Posted already (the post succeeded but recording it did not): never a second card.
                break;
            case StaffOutboxKind.UpdateCard or StaffOutboxKind.Note when ticket.CardActivityId is null:
                // The card's own post is still to come, and it will show the ticket as it is then.
                if (entry.Kind == StaffOutboxKind.Note)
                {
                    return "Waiting for the ticket's card to be posted.";
                }
                break;
            case StaffOutboxKind.UpdateCard:
                await messenger.UpdateAsync(channel, ticket.ThreadConversationId!, ticket.CardActivityId, cards.ToActivity(ticket), cancellationToken);
                break;
            case StaffOutboxKind.Note:
                await messenger.ReplyAsync(channel, ticket.ThreadConversationId!, (Microsoft.Bot.Schema.Activity)Microsoft.Bot.Builder.MessageFactory.Text(entry.Text ?? ""), cancellationToken);
                break;
        }
        await outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted consult request {Reference} to the staff channel")]
    private static partial void LogPosted(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Kind} for {Reference} to Teams (attempt {Attempts}); trying again in {Seconds} s: {Problem}")]
    private static partial void LogNotSent(ILogger logger, StaffOutboxKind kind, string reference, int attempts, double seconds, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The staff outbox could not be read; it is tried again at the next interval")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception);
}
