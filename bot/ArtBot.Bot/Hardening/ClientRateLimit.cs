using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// The per-client limit on the bot's HTTP endpoints (messages, tokens, Direct Line), by the client's address as
/// <see cref="ForwardedClients"/> sees it; over it, 429 with the reason.
/// </summary>
public static class ClientRateLimit
{
    public const string Policy = "per-client";

    public static IServiceCollection AddClientRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, options) =>
        {
            var settings = options.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                ForwardedClients.AllowanceOf(context.Connection.RemoteIpAddress),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.ClientBurst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.ClientPerMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "10";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = "Too many requests from your network right now. Please wait a few seconds and try again." }, cancellationToken);
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }
}
