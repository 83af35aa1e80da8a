namespace ArtBot.Bot.Answering;

/// <summary>
/// The answers last sent in Teams, by the message id Teams gave them (at most <see cref="MaxAnswerMessages"/>): Teams'
/// thumbs name only the message voted on. Ids only; a vote on an older answer is not counted.
/// </summary>
public sealed class AnswerMessageMemory
{
    public const int MaxAnswerMessages = 20;

    public List<AnswerMessage> AnswerMessages { get; set; } = [];

    public void Remember(string messageId, string entryId)
    {
        AnswerMessages.Add(new AnswerMessage(messageId, entryId));
        if (AnswerMessages.Count > MaxAnswerMessages)
        {
            AnswerMessages.RemoveRange(0, AnswerMessages.Count - MaxAnswerMessages);
        }
    }

    public string? EntryAnsweredIn(string messageId) => AnswerMessages.Find(answer => answer.MessageId == messageId)?.EntryId;
}

/// <summary>A message the bot sent with an answer from the article, and the entry it answered from.</summary>
public sealed record AnswerMessage(string MessageId, string EntryId);
