using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Hosting;

/// <summary>
/// Two turns of one conversation handled at once by two instances both read the same state; the one that saves
/// second finds it stale. So a turn's replies are held until its state is saved: a turn that loses is run once more
/// on the state the other saved, and if it loses again the person is asked to send the message again. Nothing said
/// is lost or said twice, and the conversation never goes backwards.
/// </summary>
public sealed partial class StaleTurnRetry(ConversationState conversationState, ILogger<StaleTurnRetry> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string ResendMessage = "Two of your messages reached me at the same moment and I couldn't take this one in. Please send it again.";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var held = new HeldReplies();
        turnContext.OnSendActivities(held.HoldOrSendAsync);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(cancellationToken);
                break;
            }
            catch (StaleStateException) when (attempt == 1)
            {
                LogRetried(logger, turnContext.Activity.Type);
                held.Drop();
                await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
            }
            catch (StaleStateException)
            {
                LogAskedToResend(logger, turnContext.Activity.Type);
                held.Drop();
                await held.SendAsync(turnContext, [MessageFactory.Text(ResendMessage)], cancellationToken);
                return;
            }
            catch (Exception)
            {
                // Any other failure: what was said so far goes out, and so does the error handler's apology.
                await held.SendAsync(turnContext, held.Drop(), cancellationToken);
                throw;
            }
        }
        await held.SendAsync(turnContext, held.Drop(), cancellationToken);
    }

    private sealed class HeldReplies
    {
        private readonly List<Activity> _held = [];
        private bool _sending;

        public async Task<ResourceResponse[]> HoldOrSendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> send)
        {
            // Typing indicators go out at once: showing one twice does no harm.
            if (_sending || activities.All(activity => activity.Type == ActivityTypes.Typing))
            {
                return await send();
            }
            _held.AddRange(activities);
            return [.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))];
        }

        public List<Activity> Drop()
        {
            var dropped = _held.ToList();
            _held.Clear();
            return dropped;
        }

        public async Task SendAsync(ITurnContext turnContext, IEnumerable<IActivity> activities, CancellationToken cancellationToken)
        {
            var toSend = activities.ToArray();
            _sending = true;
            if (toSend.Length > 0)
            {
                await turnContext.SendActivitiesAsync(toSend, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {ActivityType} turn found its conversation's state saved by another turn; running it again on that state")]
    private static partial void LogRetried(ILogger logger, string activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn lost to another turn twice; the person was asked to send the message again")]
    private static partial void LogAskedToResend(ILogger logger, string activityType);
}
