namespace ArtBot.Bot.Staff;

/// <summary>
/// Where a Teams activity came from, in ArtBot's own terms, so the SDK's <c>TeamsChannelData</c> (which the Agents SDK
/// reshapes) is read in <see cref="StaffIdentity.OriginOf"/> only. Team and channel are null in a personal or group chat.
/// </summary>
public sealed record TeamsOrigin(string? TenantId, string? TeamId, string? TeamGroupId, string? ChannelId);
