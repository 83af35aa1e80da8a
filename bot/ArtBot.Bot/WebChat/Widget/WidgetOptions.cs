namespace ArtBot.Bot.WebChat.Widget;

public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>Sites allowed to show the chat in the widget's frame (e.g. "https://www.clinic.example"); the bot's own origin always is.</summary>
    public string[] AllowedSites { get; set; } = [];

    /// <summary>
    /// The bot's picture in the chat: a path on the bot's own site (a file put in <c>wwwroot</c>, e.g. "/clinic-logo.png"),
    /// since the chat's Content Security Policy loads images from there only. Empty: the clinic's initials.
    /// </summary>
    public string AvatarUrl { get; set; } = "";

    /// <summary>
    /// Seconds a visitor spends on a page before a small greeting appears by the chat button, once per visit, unless they
    /// opened the chat; 0 (the default): never.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int GreetingAfterSeconds { get; set; }

    public bool AvatarUrlIsOnThisSite =>
        AvatarUrl.Length == 0 || (AvatarUrl.StartsWith('/') && !AvatarUrl.StartsWith("//", StringComparison.Ordinal) && !AvatarUrl.Contains('\\', StringComparison.Ordinal)
            && Uri.TryCreate(AvatarUrl, UriKind.Relative, out _));

    /// <summary>"Integra Health Centre" → "IH": the first letters of the clinic's first two words that are not "the", "of", "and".</summary>
    public static string Initials(string clinicName)
    {
        var words = clinicName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(word => char.IsLetterOrDigit(word[0]) && word.ToLowerInvariant() is not ("the" or "of" or "and"))
            .Take(2)
            .Select(word => char.ToUpperInvariant(word[0]));
        var initials = string.Concat(words);
        return initials.Length > 0 ? initials : "AB";
    }
}
