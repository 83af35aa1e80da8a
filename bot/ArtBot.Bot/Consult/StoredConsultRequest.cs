namespace ArtBot.Bot.Consult;

/// <summary>A request as the store keeps it and reads it back: with the reference it was stored under and when.</summary>
public sealed record StoredConsultRequest(string Reference, DateTimeOffset CreatedAt, ConsultRequest Request);
