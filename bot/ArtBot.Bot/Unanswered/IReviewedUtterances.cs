namespace ArtBot.Bot.Unanswered;

/// <summary>Questions staff taught as an intent, for <c>training -- merge-reviewed</c> to fold into the training data before the next <c>train</c>.</summary>
public interface IReviewedUtterances
{
    /// <summary>
    /// Keeps the question under the intent, with the conversations that asked it (<paramref name="askedIn"/>);
    /// teaching the same again changes nothing. Returns whether it is new.
    /// </summary>
    Task<bool> AddAsync(string intent, string text, string taughtBy, IReadOnlyCollection<string> askedIn, CancellationToken cancellationToken);

    /// <summary>Deletes the taught questions that a conversation asked ("forget me"); returns how many.</summary>
    Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Intent, string Text)>> ListAsync(CancellationToken cancellationToken);
}
