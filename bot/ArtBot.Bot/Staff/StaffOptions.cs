namespace ArtBot.Bot.Staff;

public sealed class StaffOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Staff";

    /// <summary>The clinic's Microsoft 365 tenant: Teams messages from it are staff. Empty: no staff features.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The staff team. When set, a personal chat is staff only if its person is a member of this team.</summary>
    public string TeamId { get; set; } = "";

    /// <summary>A request nobody has claimed after this many hours is raised once in its thread.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 7)]
    public int UnclaimedAlertHours { get; set; } = 4;

    /// <summary>When the daily digest of open requests is posted, in <see cref="TimeZone"/>; empty for no digest.</summary>
    public TimeOnly? DigestTime { get; set; } = new(8, 0);

    /// <summary>Where each new request is also emailed (for a clinic without Teams, or as a second path); empty for none. Needs <c>Email:Host</c>.</summary>
    public string Email { get; set; } = "";

    /// <summary>The clinic's time zone (IANA, e.g. America/Toronto) for the digest's time and the cards' times.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often the outbox of ticket posts is looked at; a new request is also posted at once.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts to post a ticket while Teams cannot be reached.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a ticket post being sent is this instance's alone; another instance may take it after that. Longer than
    /// half of it plus one call to Teams (the connector gives up after 100 s), so no post is still on its way when it runs out.
    /// </summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeZoneInfo ClinicTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new($"Staff:TimeZone '{TimeZone}' is not a time zone this machine knows (use an IANA name such as America/Toronto).", [nameof(TimeZone)]);
        }
        if (Email.Length > 0 && !MimeKit.MailboxAddress.TryParse(Email, out _))
        {
            yield return new($"Staff:Email '{Email}' is not an email address.", [nameof(Email)]);
        }
    }
}
