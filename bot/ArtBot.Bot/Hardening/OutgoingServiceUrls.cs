using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// Where the bot may send on its own: with authentication off it talks to this machine only, so a channel's serviceUrl
/// elsewhere (given in an activity, then stored by "post consult requests here") is never posted to.
/// </summary>
public sealed class OutgoingServiceUrls(IConfiguration configuration, IOptions<SecurityOptions> security)
{
    public const string NotThisMachine =
        "Without MicrosoftAppId I post consult requests only to a Teams service on this machine, and this channel's is elsewhere.";

    public bool Allows(string serviceUrl) =>
        !ActivityRequestCheck.IsLocalOnly(configuration, security.Value)
        || (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback);
}
