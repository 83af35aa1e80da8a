namespace ArtBot.Bot.Unanswered;

public interface IUnansweredQuestionLog
{
    /// <summary>Records the question after scrubbing personal data from it.</summary>
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken);
}
