using ArtBot.Bot.WebChat.DirectLine;

namespace ArtBot.Bot.WebChat.Widget;

/// <summary>
/// The pages load everything from the bot's own origin: scripts, styles, Web Chat itself; and connect only to it
/// (plus Azure Direct Line when a secret is configured). Web Chat's generated styles carry the page's nonce.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    public static string For(HttpRequest request, DirectLineOptions directLine, WidgetOptions widget, string? styleNonce = null)
    {
        var socket = $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}";
        var connect = $"'self' {socket}";
        if (directLine.UsesAzure && Uri.TryCreate(directLine.Domain, UriKind.Absolute, out var azure))
        {
            connect += $" {azure.GetLeftPart(UriPartial.Authority)} wss://{azure.Authority}";
        }
        // Web Chat's own styles carry the nonce; the one hash admits the empty style attribute it also writes, and nothing else.
        var styles = styleNonce is null ? "'self'" : $"'self' 'nonce-{styleNonce}' 'unsafe-hashes' '{EmptyStyleHash}'";
        var ancestors = string.Join(' ', widget.AllowedSites.Prepend("'self'"));
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            $"style-src {styles}",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "media-src 'self' blob:",
            "worker-src 'self' blob:",
            $"connect-src {connect}",
            "frame-src 'self'",
            $"frame-ancestors {ancestors}",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'");
    }
}
