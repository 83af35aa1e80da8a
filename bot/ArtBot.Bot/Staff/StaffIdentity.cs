using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Staff;

/// <summary>
/// Who is the clinic's staff: a Teams message from the staff tenant (<see cref="StaffOptions.TenantId"/>) and, when
/// <see cref="StaffOptions.TeamId"/> is set, from the staff team's channels or from a personal chat of one of its members.
/// Nothing typed in Web Chat, or in another tenant, is staff.
/// </summary>
public sealed partial class StaffIdentity(IOptions<StaffOptions> options, ILogger<StaffIdentity> logger)
{
    public static string NameOf(ITurnContext turnContext) => turnContext.Activity.From?.Name is { Length: > 0 } name ? name : "A staff member";

    public static TeamsChannelData? TeamsData(ITurnContext turnContext) =>
        turnContext.Activity.ChannelId == Channels.Msteams ? turnContext.Activity.GetChannelData<TeamsChannelData>() : null;

    private bool IsStaffTenant(ITurnContext turnContext) =>
        options.Value.TenantId is { Length: > 0 } tenant
        && TeamsData(turnContext) is { } data
        && (data.Tenant?.Id ?? turnContext.Activity.Conversation?.TenantId) == tenant;

    public async Task<bool> IsStaffAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!IsStaffTenant(turnContext))
        {
            return false;
        }
        var team = options.Value.TeamId;
        if (string.IsNullOrEmpty(team))
        {
            return true;
        }
        if (TeamsData(turnContext)?.Team?.Id is { } teamOfChannel)
        {
            return teamOfChannel == team;
        }
        try
        {
            await TeamsInfo.GetTeamMemberAsync(turnContext, turnContext.Activity.From.Id, team, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotAMember(logger, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A personal chat in the staff tenant is not from a member of the staff team: {Reason}")]
    private static partial void LogNotAMember(ILogger logger, string reason);
}
