using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Turns;

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
                await held.ReleaseAsync();
                await turnContext.SendActivityAsync(MessageFactory.Text(ResendMessage), cancellationToken);
                return;
            }
            catch (Exception)
            {
                // Any other failure: what was said so far goes out, and so does the error handler's apology.
                await held.ReleaseAsync();
                throw;
            }
        }
        await held.ReleaseAsync();
    }

    /// <summary>
    /// Replies on their way out, stopped here until the turn's state is saved. Released, each batch continues from
    /// this point of the send pipeline, so what ran before (metrics) sees it once.
    /// </summary>
    private sealed class HeldReplies
    {
        private readonly List<Func<Task<ResourceResponse[]>>> _held = [];
        private bool _released;

        public async Task<ResourceResponse[]> HoldOrSendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> send)
        {
            // Typing indicators go out at once: showing one twice does no harm.
            if (_released || activities.All(activity => activity.Type == ActivityTypes.Typing))
            {
                return await send();
            }
            _held.Add(send);
            return [.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))];
        }

        public void Drop() => _held.Clear();

        public async Task ReleaseAsync()
        {
            _released = true;
            foreach (var send in _held)
            {
                await send();
            }
            _held.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {ActivityType} turn found its conversation's state saved by another turn; running it again on that state")]
    private static partial void LogRetried(ILogger logger, string activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn lost to another turn twice; the person was asked to send the message again")]
    private static partial void LogAskedToResend(ILogger logger, string activityType);
}
