using ArtBot.Bot.Hardening;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.Bot.Hosting;

public static partial class BotEndpoints
{
    /// <summary><c>POST /api/messages</c> (the Bot Framework's endpoint, honouring <c>deliveryMode: expectReplies</c>), <c>GET /healthz</c> and <c>GET /readyz</c>.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", ProcessAsync)
            .AddEndpointFilter<ActivityRequestCheck>()
            .RequireRateLimiting(ClientRateLimit.Policy);
        endpoints.MapHealthEndpoints();
        return endpoints;
    }

    private static async Task ProcessAsync(
        HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<IBot> logger, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessAsync(request, response, bot, cancellationToken);
        }
        catch (Exception exception) when (IsRefusedToken(exception) && !response.HasStarted)
        {
            // The adapter answers 401 for tokens it refuses itself, but lets a bad signature or a token that is not a
            // JWT at all escape as a 500 with a stack trace.
            LogRefusedToken(logger, exception.GetType().Name);
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// A token the identity libraries could not validate or even read: a bad signature, a header or payload that is
    /// not Base64Url JSON (IDX12729, IDX12723), which they report as a plain <see cref="ArgumentException"/>, or signing
    /// keys that could not be fetched (IDX20803, an <see cref="InvalidOperationException"/>): unverified is refused.
    /// </summary>
    private static bool IsRefusedToken(Exception exception) =>
        exception is SecurityTokenException or SecurityTokenArgumentException
        || (exception is ArgumentException or InvalidOperationException && exception.Source?.Contains("IdentityModel", StringComparison.Ordinal) == true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity whose Bot Framework token failed validation ({Reason})")]
    private static partial void LogRefusedToken(ILogger logger, string reason);
}
