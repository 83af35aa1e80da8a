namespace ArtBot.Bot.Outbox;

/// <summary>
/// What the clinic's side must send once a request is stored or changed (a ticket to the staff channel, a card to
/// update, a note in a ticket's thread, a confirmation email), kept in the database until it is sent: a restart, Teams
/// being down or the mail server refusing loses nothing. Each destination has its own sender, which takes only its kinds.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> entries for <paramref name="destination"/> that are due and not taken by
    /// another instance, for <paramref name="lease"/>; oldest first.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> TakeDueAsync(OutboxDestination destination, string holder, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The entry was sent; a new ticket's post also records where its card is.</summary>
    Task MarkSentAsync(long id, string? threadConversationId, string? cardActivityId, CancellationToken cancellationToken);

    /// <summary>The entry could not be sent; it is tried again at <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    /// <summary>The entry was not tried; it is free for any instance to take at once, its attempts unchanged.</summary>
    Task HandBackAsync(long id, CancellationToken cancellationToken);

    /// <summary>How many entries for <paramref name="destination"/> are not sent yet (due, waiting to be tried again, or being sent).</summary>
    Task<int> CountUnsentAsync(OutboxDestination destination, CancellationToken cancellationToken);
}

public enum OutboxDestination
{
    /// <summary>The staff channel in Teams.</summary>
    Teams,

    /// <summary>An inbox, over SMTP.</summary>
    Email,
}

public enum OutboxKind
{
    /// <summary>A new ticket's card, as a new thread in the channel.</summary>
    Post,

    /// <summary>The ticket's card updated in place.</summary>
    UpdateCard,

    /// <summary>A one-line note in the ticket's thread ("Sam claimed it").</summary>
    Note,

    /// <summary>The daily digest of open requests, as a new thread (no ticket of its own).</summary>
    Digest,

    /// <summary>The person's copy of their request, to the email address they gave.</summary>
    ConfirmationEmail,

    /// <summary>The request, to the clinic's <c>Staff:Email</c>.</summary>
    StaffEmail,
}

public static class OutboxKinds
{
    public static OutboxDestination DestinationOf(OutboxKind kind) =>
        kind is OutboxKind.ConfirmationEmail or OutboxKind.StaffEmail ? OutboxDestination.Email : OutboxDestination.Teams;

    /// <summary>The kinds' names as stored, for a destination.</summary>
    public static IReadOnlyList<string> StoredNamesFor(OutboxDestination destination) =>
        [.. Enum.GetValues<OutboxKind>().Where(kind => DestinationOf(kind) == destination).Select(kind => kind.ToString())];
}

public sealed record OutboxEntry(long Id, string Reference, OutboxKind Kind, string? Text, int Attempts);
