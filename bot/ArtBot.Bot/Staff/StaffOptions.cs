namespace ArtBot.Bot.Staff;

public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>The clinic's Microsoft 365 tenant: Teams messages from it are staff. Empty: no staff features.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The staff team. When set, a personal chat is staff only if its person is a member of this team.</summary>
    public string TeamId { get; set; } = "";

    /// <summary>How often the outbox of ticket posts is looked at; a new request is also posted at once.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts to post a ticket while Teams cannot be reached.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
}
