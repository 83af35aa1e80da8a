namespace ArtBot.Bot.WebChat.DirectLine;

public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Azure Direct Line secret. Set: the page gets tokens from Azure. Empty: the bot serves Direct Line itself.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Azure Direct Line's base URL (regional endpoints differ); tests point it at a local fake.</summary>
    public string Domain { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>How long a token of the bot's own Direct Line is valid; Web Chat refreshes it before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation of the bot's own Direct Line, and its activities, are dropped after this long without use.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most activities the bot's own Direct Line keeps per conversation; older ones are dropped.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>The most memory (about) the bot's own Direct Line spends on one conversation's activities.</summary>
    public long MaxBytesPerConversation { get; set; } = 2 * 1024 * 1024;

    /// <summary>The most memory (about) the bot's own Direct Line spends on all conversations together; past it, the least recently used are dropped.</summary>
    public long MaxBytesInTotal { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// WebSocket streams one conversation may hold open at once: Web Chat uses one, and a second while it reconnects;
    /// a client opening hundreds would hold as many sockets and loops.
    /// </summary>
    public int MaxStreamsPerConversation { get; set; } = 3;

    public bool UsesAzure => !string.IsNullOrWhiteSpace(Secret);
}
