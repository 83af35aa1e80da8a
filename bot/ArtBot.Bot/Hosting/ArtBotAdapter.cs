using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;

namespace ArtBot.Bot.Hosting;

/// <summary>The Bot Framework adapter, with one constructor so dependency injection can build it, and an error handler that keeps the person informed.</summary>
public sealed partial class ArtBotAdapter : CloudAdapter
{
    public const string ErrorMessage = "Sorry, something went wrong on my side. Please try again in a moment.";

    public ArtBotAdapter(BotFrameworkAuthentication authentication, ConversationTurnGate turnGate, ILogger<ArtBotAdapter> logger)
        : base(authentication, logger)
    {
        Use(turnGate);
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnError(logger, exception, turnContext.Activity?.Type);
            await turnContext.SendActivityAsync(ErrorMessage);
            await turnContext.TraceActivityAsync("OnTurnError Trace", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError");
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in a {ActivityType} turn")]
    private static partial void LogTurnError(ILogger logger, Exception exception, string? activityType);
}
