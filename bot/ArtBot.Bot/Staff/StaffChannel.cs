namespace ArtBot.Bot.Staff;

/// <summary>
/// The Teams channel tickets are posted to, as captured when the app was added to the staff team (or when staff said
/// "post consult requests here"): with the Teams <see cref="ServiceUrl"/> to post through, since bookings arrive from
/// Web Chat, whose turns carry another.
/// </summary>
public sealed record StaffChannel(string TeamId, string ChannelId, string TenantId, string ServiceUrl);
