using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Hardening;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests a minute one client address may make to the bot's endpoints, after a burst of <see cref="ClientBurst"/>.</summary>
    [Range(1, 1_000_000)]
    public int ClientPerMinute { get; set; } = 300;

    [Range(1, 100_000)]
    public int ClientBurst { get; set; } = 60;

    /// <summary>
    /// Requests a minute all clients together may make to the same endpoints, after a burst of <see cref="AllClientsBurst"/>:
    /// the last resort when many addresses at once would exhaust the bot (each within its own limit).
    /// </summary>
    [Range(1, 10_000_000)]
    public int AllClientsPerMinute { get; set; } = 12_000;

    [Range(1, 1_000_000)]
    public int AllClientsBurst { get; set; } = 400;

    /// <summary>Messages a minute one conversation may send, after a burst of <see cref="ConversationBurst"/>; faster ones get a friendly reply.</summary>
    [Range(1, 100_000)]
    public int ConversationPerMinute { get; set; } = 30;

    [Range(1, 10_000)]
    public int ConversationBurst { get; set; } = 10;

    /// <summary>New consult requests one client may send in an hour (<see cref="Consult.ConsultRequestQuota"/>); more are refused with a line saying why.</summary>
    [Range(1, 10_000)]
    public int ConsultRequestsPerHour { get; set; } = 5;
}
