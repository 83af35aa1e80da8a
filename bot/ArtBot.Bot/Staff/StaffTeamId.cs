namespace ArtBot.Bot.Staff;

/// <summary>
/// The staff team as an admin can give it in <c>Staff:TeamId</c>: the thread id Teams' activities carry
/// (<c>19:…@thread.tacv2</c>), the team's group id (the GUID after <c>groupId=</c> in a team link), or the whole link
/// from Teams' "Get link to team", which holds both.
/// </summary>
public sealed record StaffTeamId(string? ThreadId, string? GroupId)
{
    public static StaffTeamId Parse(string configured)
    {
        var value = configured.Trim();
        if (value.Length == 0)
        {
            return new(null, null);
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var thread = Array.IndexOf(segments, "team") is var at and >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : null;
            var group = System.Web.HttpUtility.ParseQueryString(link.Query)["groupId"];
            return new(thread, Guid.TryParse(group, out var groupId) ? groupId.ToString() : null);
        }
        return Guid.TryParse(value, out var guid) ? new(null, guid.ToString()) : new(Uri.UnescapeDataString(value), null);
    }

    public bool IsSet => ThreadId is not null || GroupId is not null;

    /// <summary>Whether a channel's team (from its activity's channel data) is this team.</summary>
    public bool Matches(TeamsOrigin origin) =>
        (ThreadId is not null && origin.TeamId == ThreadId)
        || (GroupId is not null && Guid.TryParse(origin.TeamGroupId, out var group) && group.ToString() == GroupId);
}
