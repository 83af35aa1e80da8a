using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Hosting;

/// <summary>The Bot Framework adapter, with one constructor so dependency injection can build it, and an error handler that keeps the person informed.</summary>
public sealed partial class ArtBotAdapter : CloudAdapter
{
    public const string ErrorMessage = "Sorry, something went wrong on my side. Please try again in a moment.";

    private readonly string _appId;

    public ArtBotAdapter(BotFrameworkAuthentication authentication, Turns.TurnMiddleware middlewareInOrder, IConfiguration configuration, ILogger<ArtBotAdapter> logger)
        : base(authentication, logger)
    {
        foreach (var middleware in middlewareInOrder.InOrder)
        {
            Use(middleware);
        }
        _appId = configuration["MicrosoftAppId"] ?? "";
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnError(logger, exception, turnContext.Activity?.Type);
            // Only the plain message reaches the person: no exception type or text leaves the server, not even as a trace.
            await turnContext.SendActivityAsync(ErrorMessage);
        };
    }

    /// <summary>
    /// Runs a turn for an activity that arrives through the bot's own Direct Line, in process, so no Bot Framework
    /// token comes with it. The activity should ask for its replies (<c>expectReplies</c>): they come back in the result.
    /// </summary>
    public Task<InvokeResponse> ProcessInProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var identity = CreateClaimsIdentity(_appId);
        var authentication = new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(identity),
            Audience = BotFrameworkAuthentication.GetOriginatingAudience(),
        };
        return ProcessActivityAsync(authentication, activity, callback, cancellationToken);
    }

    /// <summary>
    /// In a turn whose replies come back in the response (the bot's own Direct Line), an updated message comes back
    /// with them, under the id of the one it replaces, which Web Chat then shows in its place.
    /// </summary>
    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.DeliveryMode == DeliveryModes.ExpectReplies && turnContext is TurnContext { BufferedReplyActivities: { } replies })
        {
            replies.Add(activity);
            return new ResourceResponse(activity.Id);
        }
        return await base.UpdateActivityAsync(turnContext, activity, cancellationToken);
    }

    /// <summary>A Bot Connector client for <paramref name="serviceUrl"/> with the bot's own credentials, for posts outside any turn.</summary>
    public Task<Microsoft.Bot.Connector.IConnectorClient> CreateConnectorClientAsync(string serviceUrl, CancellationToken cancellationToken) =>
        BotFrameworkAuthentication.CreateConnectorFactory(CreateClaimsIdentity(_appId)).CreateAsync(serviceUrl, BotFrameworkAuthentication.GetOriginatingAudience(), cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in a {ActivityType} turn")]
    private static partial void LogTurnError(ILogger logger, Exception exception, string? activityType);
}
