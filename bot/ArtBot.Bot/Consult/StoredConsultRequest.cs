namespace ArtBot.Bot.Consult;

public sealed record StoredConsultRequest(string Reference, DateTimeOffset CreatedAt, ConsultRequest Request);
