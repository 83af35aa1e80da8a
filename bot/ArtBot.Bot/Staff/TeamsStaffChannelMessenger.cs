using ArtBot.Bot.Hosting;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace ArtBot.Bot.Staff;

/// <summary>
/// The Bot Connector of the staff channel's Teams service (its stored <see cref="StaffChannel.ServiceUrl"/>, never the
/// current turn's), with the bot's own credentials: a new thread per ticket, then updates and notes in that thread.
/// </summary>
public sealed class TeamsStaffChannelMessenger(ArtBotAdapter adapter, Hardening.OutgoingServiceUrls outgoing) : IStaffChannelMessenger
{
    public async Task<(string ThreadConversationId, string ActivityId)> StartThreadAsync(StaffChannel channel, Activity message, CancellationToken cancellationToken)
    {
        using var connector = await ConnectorAsync(channel, cancellationToken);
        var created = await connector.Conversations.CreateConversationAsync(new ConversationParameters
        {
            IsGroup = true,
            TenantId = channel.TenantId,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo(channel.ChannelId), Team = new TeamInfo(channel.TeamId), Tenant = new TenantInfo(channel.TenantId) },
            Activity = message,
        }, cancellationToken);
        return (created.Id, created.ActivityId ?? "");
    }

    public async Task UpdateAsync(StaffChannel channel, string threadConversationId, string activityId, Activity message, CancellationToken cancellationToken)
    {
        using var connector = await ConnectorAsync(channel, cancellationToken);
        message.Id = activityId;
        message.Conversation = new ConversationAccount(isGroup: true, id: threadConversationId, tenantId: channel.TenantId);
        await connector.Conversations.UpdateActivityAsync(threadConversationId, activityId, message, cancellationToken);
    }

    public async Task ReplyAsync(StaffChannel channel, string threadConversationId, Activity message, CancellationToken cancellationToken)
    {
        using var connector = await ConnectorAsync(channel, cancellationToken);
        message.Conversation = new ConversationAccount(isGroup: true, id: threadConversationId, tenantId: channel.TenantId);
        await connector.Conversations.SendToConversationAsync(threadConversationId, message, cancellationToken);
    }

    /// <summary>A channel stored before the bot refused such addresses is not posted to either.</summary>
    private Task<IConnectorClient> ConnectorAsync(StaffChannel channel, CancellationToken cancellationToken) =>
        outgoing.Allows(channel.ServiceUrl)
            ? adapter.CreateConnectorClientAsync(channel.ServiceUrl, cancellationToken)
            : throw new InvalidOperationException(Hardening.OutgoingServiceUrls.NotThisMachine);
}
