using ArtBot.Bot.Answering;

namespace ArtBot.Bot.Turns;

/// <summary>A message with no text (an image, a sticker) or longer than the bot reads gets a notice saying so.</summary>
public sealed class UnreadableMessageStep(QuestionAnswerer answerer) : ITurnStep
{
    public const string TextOnlyNotice = "I can only read text. Please type your question about Active Release Therapy.";

    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        var question = turn.Question;
        var notice = question.Length == 0 ? TextOnlyNotice
            : question.Length > answerer.MaxMessageLength
                ? $"That message is too long for me ({question.Length:N0} characters). Please ask one question in under {answerer.MaxMessageLength:N0} characters."
                : null;
        if (notice is null)
        {
            return false;
        }
        await turn.Context.SendActivityAsync(ReplyActivities.ToActivity(answerer.Notice(notice), turn.Context.Activity.ChannelId), cancellationToken);
        return true;
    }
}
