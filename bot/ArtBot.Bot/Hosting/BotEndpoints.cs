using ArtBot.Bot.Hardening;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ArtBot.Bot.Hosting;

public static class BotEndpoints
{
    /// <summary><c>POST /api/messages</c> (the Bot Framework's endpoint, honouring <c>deliveryMode: expectReplies</c>) and <c>GET /healthz</c>.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken))
            .AddEndpointFilter<ActivityRequestCheck>()
            .RequireRateLimiting(ClientRateLimit.Policy);
        endpoints.MapHealthChecks("/healthz");
        return endpoints;
    }
}
