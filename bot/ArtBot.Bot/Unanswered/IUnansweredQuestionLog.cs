namespace ArtBot.Bot.Unanswered;

public interface IUnansweredQuestionLog
{
    /// <summary>Stores a question that was already scrubbed of personal data.</summary>
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken);

    /// <summary>The questions recorded (since <paramref name="since"/>, when given), oldest first, for review.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListAsync(CancellationToken cancellationToken, DateTimeOffset? since = null);

    /// <summary>"Forget me": removes the questions recorded from one conversation (by its key); returns how many.</summary>
    Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>The conversations (their keys) that asked exactly <paramref name="question"/> since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<string>> ConversationsThatAskedAsync(string question, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the questions asked before <paramref name="cutoff"/> (retention); returns how many.</summary>
    Task<int> DeleteAskedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
