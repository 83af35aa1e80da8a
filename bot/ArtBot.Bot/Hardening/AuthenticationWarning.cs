using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>Says at start-up, in one line, when the bot runs without Bot Framework authentication and what that allows.</summary>
public sealed partial class AuthenticationWarning(IConfiguration configuration, IOptions<SecurityOptions> security, ILogger<AuthenticationWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ActivityRequestCheck.AuthenticationIsOff(configuration))
        {
            return Task.CompletedTask;
        }
        if (security.Value.AllowUnauthenticatedRemote)
        {
            LogOpenToAll(logger);
        }
        else
        {
            LogLocalOnly(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is off (MicrosoftAppId is empty): /api/messages answers only this machine and replies only to it. Set the MicrosoftApp* settings before going live.")]
    private static partial void LogLocalOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is off (MicrosoftAppId is empty) and Security:AllowUnauthenticatedRemote is on: anyone who can reach this port can post to /api/messages and have the bot send to any address.")]
    private static partial void LogOpenToAll(ILogger logger);
}
