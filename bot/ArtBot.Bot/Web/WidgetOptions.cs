namespace ArtBot.Bot.Web;

public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>Sites allowed to show the chat in the widget's frame (e.g. "https://www.clinic.example"); the bot's own origin always is.</summary>
    public string[] AllowedSites { get; set; } = [];
}
