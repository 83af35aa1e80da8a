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
public sealed partial class StaffIdentity(IOptions<StaffOptions> options, IStaffTickets tickets, ILogger<StaffIdentity> logger)
{
    private readonly StaffTeamId _team = StaffTeamId.Parse(options.Value.TeamId);

    /// <summary>The team's thread id, learned from one of its channels when only its group id was given.</summary>
    private string? _learnedThreadId;

    public static string NameOf(ITurnContext turnContext) => turnContext.Activity.From?.Name is { Length: > 0 } name ? name : "A staff member";

    /// <summary>The tenant, team and channel of a Teams activity; null for any other channel.</summary>
    public static TeamsOrigin? OriginOf(ITurnContext turnContext)
    {
        if (turnContext.Activity.ChannelId != Channels.Msteams)
        {
            return null;
        }
        var data = turnContext.Activity.GetChannelData<TeamsChannelData>();
        return new TeamsOrigin(data?.Tenant?.Id ?? turnContext.Activity.Conversation?.TenantId, data?.Team?.Id, data?.Team?.AadGroupId, data?.Channel?.Id);
    }

    /// <summary>A Teams group chat: people outside the staff may be in it, so a request's details are never shown there.</summary>
    public static bool InGroupChat(ITurnContext turnContext) =>
        turnContext.Activity.ChannelId == Channels.Msteams && turnContext.Activity.Conversation?.ConversationType == "groupChat";

    private bool IsStaffTenant(TeamsOrigin? origin) =>
        options.Value.TenantId is { Length: > 0 } tenant && origin?.TenantId == tenant;

    public async Task<bool> IsStaffAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var origin = OriginOf(turnContext);
        if (!IsStaffTenant(origin))
        {
            return false;
        }
        if (!_team.IsSet)
        {
            return true;
        }
        if (origin is { TeamId: { } teamOfChannel })
        {
            if (!_team.Matches(origin))
            {
                return false;
            }
            _learnedThreadId = teamOfChannel;
            return true;
        }
        // A personal chat: Teams is asked whether its person is in the team, which it knows by thread id only.
        var threadId = _team.ThreadId ?? _learnedThreadId ?? (await tickets.FindChannelAsync(cancellationToken))?.TeamId;
        if (threadId is null)
        {
            LogTeamNotSeenYet(logger);
            return false;
        }
        try
        {
            await TeamsInfo.GetTeamMemberAsync(turnContext, turnContext.Activity.From.Id, threadId, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff:TeamId gives the team's group id, and ArtBot has not yet seen a message from one of its channels, so it cannot ask Teams who is a member: mention ArtBot once in a channel of the staff team")]
    private static partial void LogTeamNotSeenYet(ILogger logger);
}
