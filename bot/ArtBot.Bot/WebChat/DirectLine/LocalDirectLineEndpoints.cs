using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>
/// A Direct Line 3.0 compatible endpoint served by the bot itself, so the unmodified Web Chat works with no Azure account:
/// start or resume a conversation, post an activity, read activities since a watermark, or stream them over a WebSocket.
/// Each token grants its own conversation and no other, spoken in as the visitor it was issued to: every activity's
/// sender is set from the token, whatever the client wrote. A valid token for a conversation the bot no longer holds
/// in memory (after a restart) starts it afresh, and the conversation's state in the database carries on.
/// </summary>
public static class LocalDirectLineEndpoints
{
    public const string BasePath = "/v3/directline";
    public const string ChannelId = "webchat";

    private static readonly ChannelAccount BotAccount = new("artbot", "ArtBot", RoleTypes.Bot);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapLocalDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup(BasePath).RequireRateLimiting(Hardening.ClientRateLimit.Policy);
        directLine.MapPost("/conversations", StartConversation);
        directLine.MapGet("/conversations/{conversationId}", ResumeConversation);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.Map("/conversations/{conversationId}/stream", StreamAsync);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        return endpoints;
    }

    public static string DomainFor(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    private static IResult StartConversation(HttpContext context, LocalDirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(context, tokens, conversationId: null, out var granted) is { } refusal)
        {
            return refusal;
        }
        conversations.GetOrStart(granted.ConversationId);
        return DirectLineJson.Result(Describe(context, tokens, granted, watermark: null), StatusCodes.Status201Created);
    }

    private static IResult ResumeConversation(HttpContext context, string conversationId, string? watermark, LocalDirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(context, tokens, conversationId, out var granted) is { } refusal)
        {
            return refusal;
        }
        conversations.GetOrStart(conversationId);
        return DirectLineJson.Result(Describe(context, tokens, granted, watermark));
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext context, string conversationId, LocalDirectLineTokens tokens, LocalConversations conversations,
        LocalTurnRunner runner, IBot bot, CancellationToken cancellationToken)
    {
        if (Authorize(context, tokens, conversationId, out var granted) is { } refusal)
        {
            return refusal;
        }
        var conversation = conversations.GetOrStart(conversationId);
        Activity? activity;
        try
        {
            var body = await Hosting.RequestBody.ReadAsync(context.Request.Body, Hardening.ActivityRequestCheck.MaxBodyBytes, cancellationToken);
            activity = JsonConvert.DeserializeObject<Activity>(body, DirectLineJson.Settings);
        }
        catch (InvalidDataException)
        {
            return DirectLineJson.Result(new { error = new { code = "BadArgument", message = "The activity is too large." } }, StatusCodes.Status413PayloadTooLarge);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type) || !Hardening.ActivityRequestCheck.TypePattern().IsMatch(activity.Type))
        {
            return DirectLineJson.Result(new { error = new { code = "BadArgument", message = "The body must be an activity with a type." } }, StatusCodes.Status400BadRequest);
        }
        if (activity.Entities?.Count > Hardening.ActivityRequestCheck.MaxEntities)
        {
            return DirectLineJson.Result(new { error = new { code = "BadArgument", message = $"The activity has more than {Hardening.ActivityRequestCheck.MaxEntities} entities." } }, StatusCodes.Status400BadRequest);
        }

        activity.Id = null;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = DomainFor(context.Request);
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.Recipient = BotAccount;
        activity.From = new ChannelAccount(granted.UserId, granted.UserId, RoleTypes.User);
        activity.DeliveryMode = null;
        // Kept as the visitor saw it: a NUL or an escape shows nothing, and PostgreSQL refuses a NUL.
        activity.Text = activity.Text is null ? null : Knowledge.VisibleText.Of(activity.Text);
        conversations.Append(conversation, [activity]);

        var replies = await runner.RunAsync(DirectLineJson.Clone(activity)!, bot, cancellationToken);
        // The adapter addresses each reply from the turn's activity (bot to visitor, reply to its id).
        conversations.Append(conversation, replies);
        return DirectLineJson.Result(new { id = activity.Id });
    }

    private static IResult GetActivities(HttpContext context, string conversationId, string? watermark, LocalDirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(context, tokens, conversationId, out _) is { } refusal)
        {
            return refusal;
        }
        var conversation = conversations.GetOrStart(conversationId);
        var (activities, next) = conversation.Since(ParseWatermark(watermark));
        return DirectLineJson.Result(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task StreamAsync(
        HttpContext context, string conversationId, string? watermark, string? t, LocalDirectLineTokens tokens, LocalConversations conversations,
        IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime)
    {
        if (Authorize(context, tokens, conversationId, out _, t) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        var conversation = conversations.GetOrStart(conversationId);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (!conversation.TryOpenStream(options.Value.MaxStreamsPerConversation))
        {
            await DirectLineJson.Result(new { error = new { code = "TooManyRequests", message = "This conversation already has its streams open." } }, StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }
        try
        {
            await StreamOpenedAsync(context, conversation, watermark, lifetime.ApplicationStopping);
        }
        finally
        {
            conversation.CloseStream();
        }
    }

    /// <summary>
    /// Sends the conversation's activities as they come, until the visitor leaves or the bot stops: then the stream is
    /// closed at once, saying why, so a restart does not wait for open chats and Web Chat reconnects (to the next instance).
    /// </summary>
    private static async Task StreamOpenedAsync(HttpContext context, LocalConversation conversation, string? watermark, CancellationToken stopping)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var receiving = DrainUntilClosedAsync(socket, closed);
        var seen = ParseWatermark(watermark);
        try
        {
            while (socket.State == WebSocketState.Open && !closed.IsCancellationRequested)
            {
                var changed = conversation.Changed;
                var (activities, next) = conversation.Since(seen);
                if (activities.Count > 0)
                {
                    await SendAsync(socket, new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)), closed.Token);
                    seen = next;
                    continue;
                }
                if (await Task.WhenAny(changed, Task.Delay(Heartbeat, closed.Token)) != changed)
                {
                    // Direct Line's keep-alive: an empty message.
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closed.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The visitor left, or the bot is stopping.
        }
        if (stopping.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            await CloseForRestartAsync(socket);
        }
        await closed.CancelAsync();
        await receiving;
    }

    private static async Task CloseForRestartAsync(WebSocket socket)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "The bot is restarting.", patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The visitor's side is gone already.
        }
    }

    private static IResult RefreshToken(HttpContext context, LocalDirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(context, tokens, conversationId: null, out var granted) is { } refusal)
        {
            return refusal;
        }
        conversations.GetOrStart(granted.ConversationId);
        return DirectLineJson.Result(new { conversationId = granted.ConversationId, token = tokens.Issue(granted), expires_in = (int)tokens.Lifetime.TotalSeconds });
    }

    /// <summary>No token: 401. A token that is not ours, expired, or for another conversation: 403.</summary>
    private static IResult? Authorize(HttpContext context, LocalDirectLineTokens tokens, string? conversationId, out DirectLineGrant granted, string? queryToken = null)
    {
        granted = new DirectLineGrant("", "");
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : queryToken;
        if (string.IsNullOrEmpty(token))
        {
            return Results.Unauthorized();
        }
        if (!tokens.TryValidate(token, out granted) || (conversationId is not null && conversationId != granted.ConversationId))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        return null;
    }

    private static object Describe(HttpContext context, LocalDirectLineTokens tokens, DirectLineGrant grant, string? watermark)
    {
        var conversationId = grant.ConversationId;
        var token = tokens.Issue(grant);
        var socketScheme = context.Request.IsHttps ? "wss" : "ws";
        var streamUrl = $"{socketScheme}://{context.Request.Host}{context.Request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream" +
            $"?watermark={Uri.EscapeDataString(watermark ?? "")}&t={Uri.EscapeDataString(token)}";
        return new { conversationId, token, expires_in = (int)tokens.Lifetime.TotalSeconds, streamUrl };
    }

    private static int ParseWatermark(string? watermark) => int.TryParse(watermark, out var value) && value >= 0 ? value : 0;

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(set, DirectLineJson.Settings)), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        await closed.CancelAsync();
    }

    private sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
}
