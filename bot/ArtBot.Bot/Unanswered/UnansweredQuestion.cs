namespace ArtBot.Bot.Unanswered;

/// <summary>A question the article could not answer, kept so the clinic can review what people ask. Holds no personal data.</summary>
public sealed record UnansweredQuestion(DateTimeOffset AskedAt, string ChannelId, string Question, double Confidence);
