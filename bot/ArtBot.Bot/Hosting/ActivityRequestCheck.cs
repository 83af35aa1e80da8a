using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Hosting;

/// <summary>
/// Checks what is posted to <c>/api/messages</c> before the Bot Framework adapter sees it: size, JSON, and the fields
/// every activity needs. A bad request gets 400 (or 413) with the reason, instead of the adapter's bare 500.
/// </summary>
public sealed class ActivityRequestCheck : IEndpointFilter
{
    public const int MaxBodyBytes = 256 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KiB.");
        }
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes + 1);
        string body;
        try
        {
            body = await RequestBody.ReadAsync(request.Body, MaxBodyBytes, context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KiB.");
        }
        request.Body.Position = 0;

        if (Problem(body) is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem);
        }
        return await next(context);
    }

    private static string? Problem(string body)
    {
        JObject activity;
        try
        {
            activity = JObject.Parse(body, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonException)
        {
            return "The body is not a JSON object.";
        }
        if (activity["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return "The activity has no type.";
        }
        if (activity["conversation"]?["id"] is not JValue { Type: JTokenType.String } conversation || string.IsNullOrWhiteSpace((string?)conversation))
        {
            return "The activity has no conversation id.";
        }
        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "The activity has no serviceUrl (an absolute http or https URL).";
        }
        if (activity["text"] is { Type: not (JTokenType.String or JTokenType.Null) })
        {
            return "The activity's text must be a string.";
        }
        return null;
    }

    private static IResult Refuse(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);
}
