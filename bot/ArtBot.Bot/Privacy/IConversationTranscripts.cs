namespace ArtBot.Bot.Privacy;

/// <summary>Where a channel keeps a copy of what was said, for "forget me" to erase (the bot's own Direct Line keeps one in memory).</summary>
public interface IConversationTranscripts
{
    Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
