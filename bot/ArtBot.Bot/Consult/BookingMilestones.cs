namespace ArtBot.Bot.Consult;

/// <summary>
/// The booking's replies that mark a milestone, by the step they name (<c>channelData.artbot.step</c>), shared by the
/// booking that sends them and the metrics that count them.
/// </summary>
public static class BookingMilestones
{
    public const string Started = "intro";

    /// <summary>A request stored just now: counted once as a completed booking.</summary>
    public const string Booked = "booked";

    /// <summary>Confirm pressed again, or the same activity sent twice: the request was stored before, and is not counted again.</summary>
    public const string AlreadyBooked = "already-booked";

    public const string Cancelled = "cancelled";

    public const string NotSaved = "not-saved";

    /// <summary>Refused: the client has sent <see cref="Hardening.RateLimitOptions.ConsultRequestsPerHour"/> new requests in the last hour.</summary>
    public const string OverQuota = "over-quota";
}
