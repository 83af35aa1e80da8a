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
            await Outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
            return null;
        }
        if (await tickets.FindAsync(entry.Reference, cancellationToken) is not { } ticket)
        {
            await Outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
            return null;
        }
        switch (entry.Kind)
        {
            case OutboxKind.Post when ticket.CardActivityId is null:
                var (thread, activityId) = await messenger.StartThreadAsync(channel, cards.ToActivity(ticket), cancellationToken);
                await Outbox.MarkSentAsync(entry.Id, thread, activityId, cancellationToken);
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
                break;
            case OutboxKind.UpdateCard:
                await messenger.UpdateAsync(channel, ticket.ThreadConversationId!, ticket.CardActivityId, cards.ToActivity(ticket), cancellationToken);
                break;
            case OutboxKind.Note:
                await messenger.ReplyAsync(channel, ticket.ThreadConversationId!, (Microsoft.Bot.Schema.Activity)Microsoft.Bot.Builder.MessageFactory.Text(entry.Text ?? ""), cancellationToken);
                break;
        }
        await Outbox.MarkSentAsync(entry.Id, null, null, cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted consult request {Reference} to the staff channel")]
    private static partial void LogPosted(ILogger logger, string reference);
}
