namespace ArtBot.Bot.Bots;

/// <summary>Whether the welcome was sent: Web Chat's join event and a members-added update may both arrive, and the visitor gets one.</summary>
public sealed class WelcomeMemory
{
    public bool Welcomed { get; set; }
}
