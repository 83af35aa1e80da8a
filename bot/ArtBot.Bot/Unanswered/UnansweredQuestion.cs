namespace ArtBot.Bot.Unanswered;

/// <summary>
/// A question the article could not answer, kept so the clinic can review what people ask. Holds no personal data:
/// the question is scrubbed, and the conversation is a one-way hash, there only so "forget me" can remove its lines.
/// </summary>
public sealed record UnansweredQuestion(DateTimeOffset AskedAt, string ChannelId, string Question, double Confidence, string ConversationKey = "");
