using System.Threading.RateLimiting;
using ArtBot.Bot.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// Limits how fast one conversation can send activities of any kind (a stuck client, a script). A message over the
/// limit gets a friendly reply and is not processed; other activities over it are dropped.
/// </summary>
public sealed class ConversationRateLimit : Microsoft.Bot.Builder.IMiddleware, IDisposable
{
    public const string SlowDown = "You're sending messages faster than I can read them. Please wait a few seconds, then try again.";

    private readonly PartitionedRateLimiter<string> _limiter;

    public ConversationRateLimit(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.ConversationBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.ConversationPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        using var lease = _limiter.AttemptAcquire($"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}");
        if (!lease.IsAcquired)
        {
            // Every kind of activity counts (events and invokes can flood a conversation too); only a person's message is told why.
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(ReplyActivities.ToActivity(new Reply(ReplyKind.Notice, SlowDown, []), turnContext.Activity.ChannelId), cancellationToken);
            }
            return;
        }
        await next(cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();
}
