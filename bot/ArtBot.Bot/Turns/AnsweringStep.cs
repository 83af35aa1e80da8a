using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Unanswered;
using ArtBot.Knowledge.Content;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Turns;

/// <summary>
/// The answer, read with the conversation's last topic: the article's, a clinic fact, the reply for another language,
/// or the fallback (recorded for the clinic's review and followed by the consult offer). Asking to book starts it.
/// </summary>
public sealed partial class AnsweringStep(
    QuestionAnswerer answerer,
    ConsultFlow consult,
    ConversationMemory memory,
    IUnansweredQuestionLog unansweredQuestions,
    PersonalTerms personalTerms,
    TimeProvider time,
    ILogger<AnsweringStep> logger) : ITurnStep
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        var context = turn.Context;
        var topics = await memory.GetAsync<TopicMemory>(context, cancellationToken);
        var replies = turn.IsDeclined ? [answerer.Decline()] : answerer.Respond(turn.Encoded, topics.LastTopic);
        var last = replies[^1];
        if (last.Kind == ReplyKind.Answer && last.EntryId == KnowledgeBase.ConsultEntryId)
        {
            await consult.StartAsync(context, cancellationToken);
            return true;
        }
        if (last.Kind == ReplyKind.Fallback)
        {
            await RecordUnansweredAsync(context, turn.Question, last.Confidence ?? 0, cancellationToken);
            (await memory.GetAsync<ConsultOffer>(context, cancellationToken)).Open = true;
        }
        foreach (var reply in replies)
        {
            await context.SendActivityAsync(ReplyActivities.ToActivity(reply, context.Activity.ChannelId), cancellationToken);
        }
        foreach (var topic in replies.Where(reply => reply.Kind == ReplyKind.Answer).Select(reply => reply.EntryId).OfType<string>())
        {
            topics.Remember(topic);
        }
        return true;
    }

    /// <summary>
    /// Keeps the question for the clinic's review, scrubbed; a question that mentions the name or contact the person
    /// gave in this conversation is not kept at all, however it is written.
    /// </summary>
    private async Task RecordUnansweredAsync(ITurnContext context, string question, double confidence, CancellationToken cancellationToken)
    {
        var (termsGiven, _) = await consult.PersonalTermsAndReferencesAsync(context, cancellationToken);
        if (!personalTerms.Mention(question, termsGiven))
        {
            await unansweredQuestions.RecordAsync(new UnansweredQuestion(
                time.GetUtcNow(), context.Activity.ChannelId ?? "", PersonalDataScrubber.Scrub(question), confidence, RequesterKey.ForConversation(context.Activity)), cancellationToken);
        }
        LogUnanswered(logger, context.Activity.ChannelId, confidence);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A question on {Channel} was not answered from the article (best confidence {Confidence:0.00}); recorded for review")]
    private static partial void LogUnanswered(ILogger logger, string? channel, double confidence);
}
