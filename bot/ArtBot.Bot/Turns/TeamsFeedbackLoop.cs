using ArtBot.Bot.Answering;
using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Turns;

/// <summary>
/// In Teams, an answer that offers a vote shows Teams' own thumbs (<c>channelData.feedbackLoopEnabled</c>). A Teams
/// vote names only the message voted on, so the id Teams gives each answer message is remembered with its entry
/// (<see cref="AnswerMessageMemory"/>), for <see cref="AnswerFeedback"/> to count the vote.
/// Web Chat's Like and Dislike actions, which say an answer offers a vote, are then left out: Teams' schema for the
/// Message entity has no place for them.
/// </summary>
public sealed partial class TeamsFeedbackLoop(Turns.ConversationMemory memory, ILogger<TeamsFeedbackLoop> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string ChannelDataFlag = "feedbackLoopEnabled";

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId == Channels.Msteams)
        {
            turnContext.OnSendActivities(async (context, activities, send) =>
            {
                var entries = activities.Select(AnswerFeedback.EntryVotedOnIn).ToList();
                foreach (var (activity, _) in activities.Zip(entries).Where(answer => answer.Second is not null))
                {
                    var channelData = activity.ChannelData as JObject ?? JObject.FromObject(activity.ChannelData ?? new object());
                    channelData[ChannelDataFlag] = true;
                    activity.ChannelData = channelData;
                    foreach (var entity in activity.Entities)
                    {
                        entity.Properties.Remove("potentialAction");
                    }
                }
                var responses = await send();
                await RememberAsync(context, entries.Zip(responses), cancellationToken);
                return responses;
            });
        }
        return next(cancellationToken);
    }

    /// <summary>
    /// Replies reach this point only once the turn's state is saved (<see cref="StaleTurnRetry"/> holds them and hands
    /// the bot stand-in ids), so the ids Teams gave them are known only here, and the state is saved again.
    /// </summary>
    private async Task RememberAsync(ITurnContext turnContext, IEnumerable<(string? Entry, ResourceResponse Response)> sent, CancellationToken cancellationToken)
    {
        var voted = sent.Where(answer => answer.Entry is not null && !string.IsNullOrEmpty(answer.Response?.Id)).ToList();
        if (voted.Count == 0)
        {
            return;
        }
        var answers = await memory.GetAsync<AnswerMessageMemory>(turnContext, cancellationToken);
        foreach (var (entry, response) in voted)
        {
            answers.Remember(response.Id, entry!);
        }
        try
        {
            await memory.SaveAsync(turnContext, cancellationToken);
        }
        catch (StaleStateException)
        {
            // The answer is already out; another turn saved first, and only the votes on this answer go uncounted.
            LogNotRemembered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer sent in Teams could not be remembered: another turn saved the conversation first, so votes on it will not be counted")]
    private static partial void LogNotRemembered(ILogger logger);
}
