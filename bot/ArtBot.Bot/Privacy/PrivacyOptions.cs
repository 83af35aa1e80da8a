using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Consult requests, and the state of idle conversations, are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>A booking left unfinished (name and contact in the conversation's state) is deleted after this many hours.</summary>
    [Range(1, 8760)]
    public int UnfinishedBookingHours { get; set; } = 24;

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
