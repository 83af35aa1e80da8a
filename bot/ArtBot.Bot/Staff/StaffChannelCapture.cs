using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Staff;

/// <summary>
/// Remembers the staff channel when the app is added to a team in the staff tenant (the conversation update that adds
/// the bot, or the installation update), and says so in the channel.
/// </summary>
public sealed partial class StaffChannelCapture(
    StaffIdentity identity, IStaffTickets tickets, Hardening.OutgoingServiceUrls outgoing, ILogger<StaffChannelCapture> logger)
{
    /// <summary>The team channel a Teams activity came from, with the service to post through; null outside a team.</summary>
    public static StaffChannel? ChannelOf(ITurnContext turnContext) =>
        StaffIdentity.OriginOf(turnContext) is { TeamId: { } team } origin && turnContext.Activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new StaffChannel(team, origin.ChannelId ?? team, origin.TenantId ?? "", serviceUrl)
            : null;

    /// <summary>Captures the channel if the bot was just added to a staff team; true if it did.</summary>
    public async Task<bool> TryCaptureAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (ChannelOf(turnContext) is not { } channel || !await identity.IsStaffAsync(turnContext, cancellationToken))
        {
            return false;
        }
        if (!outgoing.Allows(channel.ServiceUrl))
        {
            LogNotThisMachine(logger, channel.TeamId);
            return false;
        }
        await tickets.SaveChannelAsync(channel, cancellationToken);
        LogCaptured(logger, channel.TeamId, channel.ChannelId);
        await turnContext.SendActivityAsync(MessageFactory.Text(
            "Hello! I'm ArtBot. New consult requests from patients will be posted in this channel, each as its own thread with Claim, Mark contacted and Close. " +
            "Say \"help\" (mention me) for the commands, or \"post consult requests here\" in another channel to move them."), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff channel of team {TeamId} not set: authentication is off and its serviceUrl is not on this machine")]
    private static partial void LogNotThisMachine(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff channel set: team {TeamId}, channel {ChannelId}")]
    private static partial void LogCaptured(ILogger logger, string teamId, string channelId);
}
