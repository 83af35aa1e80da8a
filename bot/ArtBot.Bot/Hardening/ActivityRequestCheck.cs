using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// Checks what is posted to <c>/api/messages</c> before the Bot Framework adapter sees it: size, JSON, the fields every
/// activity needs, and who may post what. A bad request gets 400 (or 403, 413) with the reason, instead of the
/// adapter's bare 500.
/// </summary>
public sealed partial class ActivityRequestCheck(IConfiguration configuration, IOptions<SecurityOptions> security) : IEndpointFilter
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>More entities than any channel sends (mentions, citations, client info); thousands cost seconds of CPU.</summary>
    public const int MaxEntities = 50;

    public static bool AuthenticationIsOff(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    /// <summary>Authentication off and not lifted for a trusted network: the bot talks to this machine only.</summary>
    public static bool IsLocalOnly(IConfiguration configuration, SecurityOptions security) =>
        AuthenticationIsOff(configuration) && !security.AllowUnauthenticatedRemote;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var localOnly = IsLocalOnly(configuration, security.Value);
        if (localOnly && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Without MicrosoftAppId this bot answers /api/messages only from this machine.");
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KiB.");
        }
        // Room above the limit for the last chunk read, so an oversized chunked body is refused by the check below, not by the buffer.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes + 64 * 1024);
        string body;
        try
        {
            body = await Hosting.RequestBody.ReadAsync(request.Body, MaxBodyBytes, http.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KiB.");
        }
        request.Body.Position = 0;

        if (Problem(body, localOnly) is { } problem)
        {
            return Refuse(problem.Status, problem.Reason);
        }
        return await next(context);
    }

    private static (int Status, string Reason)? Problem(string body, bool localOnly)
    {
        JObject activity;
        try
        {
            activity = JObject.Parse(body, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonException)
        {
            return (StatusCodes.Status400BadRequest, "The body is not a JSON object.");
        }
        if (activity["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return (StatusCodes.Status400BadRequest, "The activity has no type.");
        }
        if (!TypePattern().IsMatch((string?)type ?? ""))
        {
            return (StatusCodes.Status400BadRequest, "The activity's type must be a plain word such as message or event.");
        }
        if (activity["conversation"]?["id"] is not JValue { Type: JTokenType.String } conversation || string.IsNullOrWhiteSpace((string?)conversation))
        {
            return (StatusCodes.Status400BadRequest, "The activity has no conversation id.");
        }
        if (((string?)conversation)!.StartsWith("dl-", StringComparison.Ordinal))
        {
            return (StatusCodes.Status403Forbidden, "Conversations of the website chat are reached through its Direct Line only.");
        }
        if (activity["channelId"] is JValue { Type: JTokenType.String } channel && !ChannelIdPattern().IsMatch((string?)channel ?? ""))
        {
            return (StatusCodes.Status400BadRequest, "The activity's channelId must be letters, digits, '.', '_' or '-' (at most 64).");
        }
        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (StatusCodes.Status400BadRequest, "The activity has no serviceUrl (an absolute http or https URL).");
        }
        if (localOnly && (string?)activity["deliveryMode"] != "expectReplies" && !uri.IsLoopback)
        {
            return (StatusCodes.Status400BadRequest, "Without MicrosoftAppId this bot sends replies only to this machine: use a loopback serviceUrl, or deliveryMode expectReplies.");
        }
        if (activity["text"] is { Type: not (JTokenType.String or JTokenType.Null) })
        {
            return (StatusCodes.Status400BadRequest, "The activity's text must be a string.");
        }
        if (activity["entities"] is JArray { Count: > MaxEntities })
        {
            return (StatusCodes.Status400BadRequest, $"The activity has more than {MaxEntities} entities.");
        }
        return null;
    }

    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static IResult Refuse(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    // Both are written to the logs: a plain name cannot forge a log line.
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ChannelIdPattern();

    [GeneratedRegex("^[A-Za-z]{1,40}$")]
    public static partial Regex TypePattern();
}
