namespace ArtBot.Bot.Bots;

/// <summary>What the bot remembers about a conversation outside the booking.</summary>
public sealed class ConversationFlags
{
    /// <summary>The welcome was sent: Web Chat's join event and a members-added update may both arrive, and the visitor gets one.</summary>
    public bool Welcomed { get; set; }

    /// <summary>The person asked to be forgotten; the next message confirms or not.</summary>
    public bool ForgetRequested { get; set; }

    /// <summary>The article topic answered last (an entry id, never the person's words), so "what about my shoulder?" is read with it.</summary>
    public string? LastTopic { get; set; }

    /// <summary>The article topics answered in this conversation (entry ids, at most <see cref="MaxTopicsAsked"/>), for the staff ticket if the person books.</summary>
    public List<string> TopicsAsked { get; set; } = [];

    public const int MaxTopicsAsked = 10;

    /// <summary>
    /// The answers last sent in Teams, by the message id Teams gave them (at most <see cref="MaxAnswerMessages"/>):
    /// Teams' thumbs name only the message voted on. Ids only; a vote on an older answer is not counted.
    /// </summary>
    public List<AnswerMessage> AnswerMessages { get; set; } = [];

    public const int MaxAnswerMessages = 20;

    public void RememberTopic(string topic)
    {
        LastTopic = topic;
        if (!TopicsAsked.Contains(topic) && TopicsAsked.Count < MaxTopicsAsked)
        {
            TopicsAsked.Add(topic);
        }
    }

    public void RememberAnswerMessage(string messageId, string entryId)
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
