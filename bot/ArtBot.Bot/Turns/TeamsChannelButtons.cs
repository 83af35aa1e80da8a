using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Turns;

/// <summary>
/// Teams shows no suggested actions in channels and group chats, so there a reply's buttons become a small card with
/// the same buttons (each sends its title back, as a suggested action does). Personal chats and Web Chat keep them.
/// </summary>
public sealed class TeamsChannelButtons : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId == Channels.Msteams && turnContext.Activity.Conversation?.ConversationType is "channel" or "groupChat")
        {
            turnContext.OnSendActivities(async (_, activities, send) =>
            {
                foreach (var activity in activities.Where(activity => activity.SuggestedActions?.Actions?.Count > 0))
                {
                    activity.Attachments ??= [];
                    activity.Attachments.Add(new HeroCard(buttons: [.. activity.SuggestedActions!.Actions]).ToAttachment());
                    activity.SuggestedActions = null;
                }
                return await send();
            });
        }
        return next(cancellationToken);
    }
}
