namespace ArtBot.Bot.Consult;

/// <summary>The outcome of storing a request: its reference, and whether this call stored it or it was there already.</summary>
public sealed record SaveOutcome(string Reference, bool IsNew)
{
    /// <summary>A copy of the new request is on its way to the person's email address (the clinic's mail server is set).</summary>
    public bool CopyEmailed { get; init; }
}
