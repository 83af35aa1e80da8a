namespace ArtBot.Bot.Staff;

/// <summary>
/// What must reach the staff channel (a new ticket, a card to update, a note in a ticket's thread), kept in the database
/// until Teams has it: a restart or Teams being down loses nothing.
/// </summary>
public interface IStaffOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> entries that are due and not taken by another instance, for
    /// <paramref name="lease"/>; oldest first.
    /// </summary>
    Task<IReadOnlyList<StaffOutboxEntry>> TakeDueAsync(string holder, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The entry reached Teams; a new ticket's post also records where its card is.</summary>
    Task MarkSentAsync(long id, string? threadConversationId, string? cardActivityId, CancellationToken cancellationToken);

    /// <summary>The entry could not be sent; it is tried again at <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    /// <summary>How many entries have not reached Teams yet (due, waiting to be tried again, or being sent).</summary>
    Task<int> CountUnsentAsync(CancellationToken cancellationToken);
}

public enum StaffOutboxKind
{
    /// <summary>A new ticket's card, as a new thread in the channel.</summary>
    Post,

    /// <summary>The ticket's card updated in place.</summary>
    UpdateCard,

    /// <summary>A one-line note in the ticket's thread ("Sam claimed it").</summary>
    Note,

    /// <summary>The daily digest of open requests, as a new thread (no ticket of its own).</summary>
    Digest,
}

public sealed record StaffOutboxEntry(long Id, string Reference, StaffOutboxKind Kind, string? Text, int Attempts);
