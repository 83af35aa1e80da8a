namespace ArtBot.Bot.Staff;

/// <summary>Where a consult request is for the clinic's staff: nobody has it, someone has it, the patient was contacted, done.</summary>
public enum TicketStatus
{
    Unassigned,
    Claimed,
    Contacted,
    Closed,
}

/// <summary>What a staff member does to a ticket from its card.</summary>
public enum TicketAction
{
    Claim,
    MarkContacted,
    Close,
    Reopen,
}
