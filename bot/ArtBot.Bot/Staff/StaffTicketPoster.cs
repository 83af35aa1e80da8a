using ArtBot.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Staff;

/// <summary>
/// Sends the outbox's Teams entries: new tickets as threads in the staff channel, card updates, notes and the digest
/// (see <see cref="OutboxSender{TBatch}"/> for leases and retries).
/// </summary>
public sealed partial class StaffTicketPoster(
    IOutbox outbox, IStaffTickets tickets, IStaffChannelMessenger messenger, TicketCard cards, OutboxSignal signal, IOptions<StaffOptions> options,
    TimeProvider time, ILogger<StaffTicketPoster> logger) : OutboxSender<StaffChannel?>(outbox, signal, time, logger)
{
    protected override OutboxDestination Destination => OutboxDestination.Teams;

    protected override TimeSpan Interval => options.Value.OutboxInterval;

    protected override TimeSpan MaxRetryDelay => options.Value.MaxRetryDelay;

    protected override TimeSpan Lease => options.Value.OutboxLease;

    protected override Task<StaffChannel?> BeforeTakingAsync(CancellationToken cancellationToken) => tickets.FindChannelAsync(cancellationToken);

    protected override async Task<string?> SendAsync(OutboxEntry entry, StaffChannel? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return "No staff channel yet: add the app to the staff team, or say \"post consult requests here\" in its channel.";
        }
        if (entry.Kind == OutboxKind.Digest)
        {
            await messenger.StartThreadAsync(channel, cards.Digest(await tickets.ListOpenAsync(cancellationToken)), cancellationToken);
            await RecordSentAsync(entry);
            return null;
        }
        if (await tickets.FindAsync(entry.Reference, cancellationToken) is not { } ticket)
        {
            await RecordSentAsync(entry);
            return null;
        }
        switch (entry.Kind)
        {
            case OutboxKind.Post when ticket.CardActivityId is null:
                var (thread, activityId) = await messenger.StartThreadAsync(channel, cards.ToActivity(ticket), cancellationToken);
                await RecordSentAsync(entry, thread, activityId);
                LogPosted(Logger, ticket.Reference);
                return null;
            case OutboxKind.Post:
                // Posted already (the post succeeded but recording it did not): never a second card.
                break;
            case OutboxKind.UpdateCard or OutboxKind.Note when ticket.CardActivityId is null:
                // The card's own post is still to come, and it will show the ticket as it is then.
                if (entry.Kind == OutboxKind.Note)
                {
                    return "Waiting for the ticket's card to be posted.";
                }
                await UpdateCopiesAsync(channel, ticket, cancellationToken);
                break;
            case OutboxKind.UpdateCard:
                await messenger.UpdateAsync(channel, ticket.ThreadConversationId!, ticket.CardActivityId, cards.ToActivity(ticket), cancellationToken);
                await UpdateCopiesAsync(channel, ticket, cancellationToken);
                break;
            case OutboxKind.Note:
                await messenger.ReplyAsync(channel, ticket.ThreadConversationId!, (Microsoft.Bot.Schema.Activity)Microsoft.Bot.Builder.MessageFactory.Text(entry.Text ?? ""), cancellationToken);
                break;
        }
        await RecordSentAsync(entry);
        return null;
    }

    /// <summary>
    /// The card's copies in personal chats follow the thread's card; once they show that the patient's details were
    /// deleted, or Teams no longer has them, they are forgotten. Any other failure leaves the entry to be retried.
    /// </summary>
    private async Task UpdateCopiesAsync(StaffChannel channel, StaffTicket ticket, CancellationToken cancellationToken)
    {
        var finished = new List<long>();
        foreach (var copy in await tickets.ListCardCopiesAsync(ticket.Reference, cancellationToken))
        {
            try
            {
                await messenger.UpdateAsync(channel, copy.ConversationId, copy.ActivityId, cards.ToActivity(ticket), cancellationToken);
                if (ticket.DetailsDeletedAt is not null)
                {
                    finished.Add(copy.Id);
                }
            }
            catch (Microsoft.Bot.Schema.ErrorResponseException exception) when (exception.Response?.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
            {
                LogCopyGone(Logger, ticket.Reference, (int)exception.Response.StatusCode);
                finished.Add(copy.Id);
            }
        }
        if (finished.Count > 0)
        {
            await tickets.ForgetCardCopiesAsync(finished, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A copy of consult request {Reference}'s card is gone from Teams ({Status}); it is no longer updated")]
    private static partial void LogCopyGone(ILogger logger, string reference, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted consult request {Reference} to the staff channel")]
    private static partial void LogPosted(ILogger logger, string reference);
}
