using ArtBot.Bot.Consult;

namespace ArtBot.Bot.Staff;

/// <summary>A ticket's card shown in a conversation other than its thread (see <see cref="IStaffTickets.RecordCardCopyAsync"/>).</summary>
public sealed record StaffCardCopy(long Id, string ConversationId, string ActivityId);

/// <summary>
/// A consult request as staff work it. <see cref="Request"/> is null once the patient's details were deleted
/// ("forget me" or retention); the ticket then says when.
/// </summary>
public sealed record StaffTicket(
    string Reference,
    TicketStatus Status,
    string? Holder,
    int Version,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> TopicsAsked,
    StoredConsultRequest? Request,
    DateTimeOffset? DetailsDeletedAt,
    string? ThreadConversationId,
    string? CardActivityId)
{
    public bool IsOpen => Status != TicketStatus.Closed;

    /// <summary>The status a ticket moves to with <paramref name="action"/>, or null when the action does not apply to it now.</summary>
    public TicketStatus? After(TicketAction action) => (action, Status) switch
    {
        (TicketAction.Claim, TicketStatus.Unassigned) => TicketStatus.Claimed,
        (TicketAction.MarkContacted, TicketStatus.Unassigned or TicketStatus.Claimed) => TicketStatus.Contacted,
        (TicketAction.Close, not TicketStatus.Closed) => TicketStatus.Closed,
        (TicketAction.Reopen, TicketStatus.Closed) => TicketStatus.Unassigned,
        _ => null,
    };
}
