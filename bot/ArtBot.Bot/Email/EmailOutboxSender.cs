using ArtBot.Bot.Outbox;
using ArtBot.Bot.Staff;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Email;

/// <summary>
/// Sends the outbox's emails through the clinic's mail server (see <see cref="OutboxSender{TBatch}"/> for leases and
/// retries), in the background: a booking never waits for the mail server, and one that is down loses nothing.
/// </summary>
public sealed partial class EmailOutboxSender(
    IOutbox outbox, IStaffTickets tickets, RequestEmails emails, IEmailSender sender, OutboxSignal signal, IOptions<StaffOptions> options,
    TimeProvider time, ILogger<EmailOutboxSender> logger) : OutboxSender<bool>(outbox, signal, time, logger)
{
    protected override OutboxDestination Destination => OutboxDestination.Email;

    protected override TimeSpan Interval => options.Value.OutboxInterval;

    protected override TimeSpan MaxRetryDelay => options.Value.MaxRetryDelay;

    protected override Task<bool> BeforeTakingAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    protected override async Task<string?> SendAsync(OutboxEntry entry, bool batch, CancellationToken cancellationToken)
    {
        // Deleted since ("forget me", retention), or nobody to send to since the settings changed: nothing is sent.
        if (await tickets.FindAsync(entry.Reference, cancellationToken) is { Request: not null } ticket && emails.Compose(entry.Kind, ticket) is { } email)
        {
            await sender.SendAsync(email, cancellationToken);
            LogSent(Logger, entry.Kind, entry.Reference);
        }
        await RecordSentAsync(entry);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} for consult request {Reference}")]
    private static partial void LogSent(ILogger logger, OutboxKind kind, string reference);
}
