namespace ArtBot.Bot.Hardening;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// With <c>MicrosoftAppId</c> empty (no authentication), <c>/api/messages</c> answers only this machine and sends
    /// replies only to this machine. Turning this on lifts both, for a trusted network only; a warning is logged at every start.
    /// </summary>
    public bool AllowUnauthenticatedRemote { get; set; }
}
