namespace ArtBot.Bot.Staff;

/// <summary>The tickets staff work, whatever database keeps them. A ticket is made with its request (<see cref="Consult.IConsultRequestStore"/>).</summary>
public interface IStaffTickets
{
    Task<StaffTicket?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Tickets not closed, oldest first.</summary>
    Task<IReadOnlyList<StaffTicket>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="action"/> if the ticket is still at <paramref name="seenVersion"/> and the action applies:
    /// of two staff pressing at once, one wins. Returns the ticket as it now is and whether this call changed it; a
    /// change also queues the card's update and a note in its thread.
    /// </summary>
    Task<(StaffTicket Ticket, bool Changed)?> ApplyAsync(string reference, TicketAction action, string staffName, int seenVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the open, unclaimed tickets submitted before <paramref name="submittedBefore"/> that were never raised, and
    /// queues a note in each one's thread; returns their references. Each ticket is raised once, whichever instance asks.
    /// </summary>
    Task<IReadOnlyList<string>> RaiseUnclaimedAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken);

    /// <summary>When each request since <paramref name="since"/> was submitted and first taken by staff (for <c>stats</c>).</summary>
    Task<IReadOnlyList<(DateTimeOffset SubmittedAt, DateTimeOffset? TakenAt)>> SubmittedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Queues the digest of open tickets for the staff channel.</summary>
    Task QueueDigestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Keeps where a copy of the ticket's card was shown outside its thread (a personal chat), so that it follows the
    /// thread's card, to "details deleted" after the patient's forget-me. Once the details are deleted nothing is kept.
    /// </summary>
    Task RecordCardCopyAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffCardCopy>> ListCardCopiesAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Forgets copies that no longer need updating: once they show "details deleted", or when Teams no longer has them.</summary>
    Task ForgetCardCopiesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task<StaffChannel?> FindChannelAsync(CancellationToken cancellationToken);

    Task SaveChannelAsync(StaffChannel channel, CancellationToken cancellationToken);
}
