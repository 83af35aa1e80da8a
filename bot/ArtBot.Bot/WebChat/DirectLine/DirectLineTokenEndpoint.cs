using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>
/// <c>POST /api/directline/token</c>: what the chat page asks for before it connects. With an Azure Direct Line secret,
/// the secret is exchanged for a conversation token and only the token is returned (the browser never sees the secret);
/// without one, a token of the bot's own Direct Line, with the domain to use it at. Either way the visitor's user id is
/// one the bot made, bound to the token (Azure enforces it for its tokens, the bot's own Direct Line for its own), and
/// returned so the page gives it to Web Chat.
/// </summary>
public static partial class DirectLineTokenEndpoint
{
    public const string HttpClientName = "DirectLine";

    public static IEndpointRouteBuilder MapDirectLineToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/directline/token", IssueAsync).RequireRateLimiting(Hardening.ClientRateLimit.Policy);
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, IOptions<DirectLineOptions> options, LocalDirectLineTokens localTokens,
        IHttpClientFactory httpClients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var userId = LocalDirectLineTokens.NewUserId();
        if (!settings.UsesAzure)
        {
            var grant = new DirectLineGrant(LocalDirectLineTokens.NewConversationId(), userId);
            return Results.Json(new { token = localTokens.Issue(grant), domain = LocalDirectLineEndpoints.DomainFor(context.Request), userId });
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Domain.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var token = response.IsSuccessStatusCode ? (string?)JObject.Parse(body)["token"] : null;
            if (string.IsNullOrEmpty(token))
            {
                LogExchangeFailed(loggers.CreateLogger(typeof(DirectLineTokenEndpoint)), (int)response.StatusCode);
                return Unavailable();
            }
            return Results.Json(new { token, userId });
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or Newtonsoft.Json.JsonException)
        {
            LogExchangeFailed(loggers.CreateLogger(typeof(DirectLineTokenEndpoint)), 0);
            return Unavailable();
        }
    }

    private static IResult Unavailable() =>
        Results.Json(new { error = "The chat service is unavailable right now. Please try again later." }, statusCode: StatusCodes.Status502BadGateway);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line refused to issue a token (HTTP status {Status}; 0 means no answer)")]
    private static partial void LogExchangeFailed(ILogger logger, int status);
}
