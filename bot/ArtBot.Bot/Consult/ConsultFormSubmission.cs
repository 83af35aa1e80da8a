namespace ArtBot.Bot.Consult;

/// <summary>What the consult form sent back, as text; checked with the same rules as the conversation.</summary>
public sealed record ConsultFormSubmission(Guid? FormId, string Name, string Contact, string Mode, string Time, string Concern, bool Consent);
