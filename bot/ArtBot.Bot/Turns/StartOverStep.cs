using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;

namespace ArtBot.Bot.Turns;

/// <summary>
/// "Start over", "restart", "menu": a way back to the beginning from anywhere. A booking in progress is set aside (with a
/// line saying so), the topics the conversation was on are forgotten, and the welcome comes again.
/// </summary>
public sealed class StartOverStep(ConsultFlow consult, QuestionAnswerer answerer, ConversationMemory memory) : ITurnStep
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (!IsStartOver(turn.Question))
        {
            return false;
        }
        var bookingSetAside = await consult.SetAsideAsync(turn.Context, cancellationToken);
        var topics = await memory.GetAsync<TopicMemory>(turn.Context, cancellationToken);
        topics.LastTopic = null;
        var line = bookingSetAside
            ? "Okay, let's start again. I set your booking aside: nothing was sent to the clinic."
            : "Okay, let's start again.";
        var welcome = answerer.Welcome();
        await turn.Context.SendActivityAsync(ReplyActivities.ToActivity(welcome with { Text = line + "\n\n" + welcome.Text }, turn.Context.Activity.ChannelId), cancellationToken);
        return true;
    }

    private static bool IsStartOver(string text) =>
        BookingAnswers.Normalize(text) is "start over" or "start again" or "restart" or "reset" or "menu" or "main menu"
            or "start from the beginning" or "back to the start" or "back to the menu" or "go back to the start"
            or "begin again" or "start afresh" or "new conversation";
}
