using System.Text.RegularExpressions;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Unanswered;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Privacy;

/// <summary>
/// "Forget me" / "delete my data": after the person confirms, deletes their stored consult requests (theirs, this
/// conversation's, and those of the references it was given), everything this conversation remembers, the channel's
/// copy of what was said, and the questions of this conversation kept for review or already taught by staff; then says
/// what was deleted.
/// </summary>
public sealed partial class ForgetMe(
    Turns.ConversationMemory memory,
    IConsultRequestStore requests,
    ConsultFlow consult,
    IConversationTranscripts transcripts,
    IUnansweredQuestionLog unansweredQuestions,
    IReviewedUtterances taughtQuestions,
    ILogger<ForgetMe> logger)
{
    public const string Confirm = "Yes, delete my data";
    public const string Keep = "No, keep it";

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var pending = await memory.GetAsync<ForgetMeMemory>(turnContext, cancellationToken);
        if (pending.Requested)
        {
            pending.Requested = false;
            if (string.Equals(text, Confirm, StringComparison.OrdinalIgnoreCase) || BookingAnswers.IsYes(text))
            {
                await ForgetAsync(turnContext, cancellationToken);
                return true;
            }
            if (string.Equals(text, Keep, StringComparison.OrdinalIgnoreCase) || BookingAnswers.IsNo(text))
            {
                await SendAsync(turnContext, "Okay, nothing was deleted.", [], cancellationToken);
                return true;
            }
        }
        if (!Request().IsMatch(text))
        {
            return false;
        }
        pending.Requested = true;
        await SendAsync(turnContext,
            "I can delete your data: any consult request you sent from this chat, and everything this conversation remembers " +
            "(your answers and where you were). This can't be undone. Shall I go ahead?",
            [Confirm, Keep], cancellationToken);
        return true;
    }

    private async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationKey = RequesterKey.ForConversation(activity);
        var (_, references) = await consult.PersonalTermsAndReferencesAsync(turnContext, cancellationToken);
        var deleted = await requests.DeleteForPersonAsync(new PersonKeys(RequesterKey.For(activity), conversationKey, [.. references]), cancellationToken);
        await unansweredQuestions.ForgetConversationAsync(conversationKey, cancellationToken);
        await taughtQuestions.ForgetConversationAsync(conversationKey, cancellationToken);
        await transcripts.EraseAsync(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", cancellationToken);
        await memory.DeleteAsync(turnContext, cancellationToken);
        LogForgotten(logger, deleted, turnContext.Activity.ChannelId);
        var what = deleted switch
        {
            0 => "You had no consult requests stored with us",
            1 => "I deleted your consult request",
            _ => $"I deleted your {deleted} consult requests",
        };
        await SendAsync(turnContext, $"Done. {what}, and I deleted everything this conversation remembered. ArtBot keeps nothing else about you.", [], cancellationToken);
    }

    private static Task SendAsync(ITurnContext turnContext, string text, IReadOnlyList<string> buttons, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ReplyActivities.ToActivity(new Reply(ReplyKind.Privacy, text, buttons), turnContext.Activity.ChannelId), cancellationToken);

    [GeneratedRegex(@"^\s*(please\s+)?(forget (me|about me|my (data|details|info\w*))|(delete|erase|remove|wipe|clear) (all )?(my|of my) (data|details|info\w*|personal (data|info\w*)|request|requests|conversation|chat|history)|right to (be forgotten|erasure))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    [LoggerMessage(Level = LogLevel.Information, Message = "Forget me on {Channel}: deleted {Requests} consult requests and the conversation state")]
    private static partial void LogForgotten(ILogger logger, int requests, string? channel);
}
