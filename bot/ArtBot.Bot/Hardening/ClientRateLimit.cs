using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// The per-client limit on the bot's HTTP endpoints (messages, tokens, Direct Line), by the client's address as
/// <see cref="ForwardedClients"/> sees it, and, as a last resort against many addresses at once, one limit for all
/// clients together on the same endpoints; over either, 429 with the reason. Pages, Web Chat's files and the probes
/// are not limited.
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
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
                    ? RateLimitPartition.GetTokenBucketLimiter("all-clients", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.AllClientsBurst,
                        TokensPerPeriod = 1,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.AllClientsPerMinute,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("not-limited"));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "10";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = "Too many requests right now. Please wait a few seconds and try again." }, cancellationToken);
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }
}
