using ArtBot.Bot.Answering;
using ArtBot.Knowledge.Content;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>For now the hand-over explains the free consult and how to book it on the clinic's page; the booking conversation replaces it.</summary>
public sealed class ConsultInformation(QuestionAnswerer answerer, KnowledgeBase knowledgeBase) : IConsultHandoff
{
    public Task StartAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ReplyActivities.ToActivity(answerer.AnswerFrom(knowledgeBase.ConsultEntry, confidence: 1.0)), cancellationToken);
}
