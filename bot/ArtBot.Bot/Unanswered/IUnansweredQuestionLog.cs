namespace ArtBot.Bot.Unanswered;

public interface IUnansweredQuestionLog
{
    /// <summary>Stores a question that was already scrubbed of personal data.</summary>
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken);
}
