namespace ArtBot.Bot.Consult;

/// <summary>The outcome of storing a request: its reference, and whether this call stored it or it was there already.</summary>
public sealed record SaveOutcome(string Reference, bool IsNew);
