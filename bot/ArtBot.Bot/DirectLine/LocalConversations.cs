using System.Collections.Concurrent;
using ArtBot.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.DirectLine;

/// <summary>The conversations of the bot's own Direct Line, kept in memory, dropped once idle, and erased on "forget me".</summary>
public sealed class LocalConversations(IOptions<DirectLineOptions> options, TimeProvider time) : IConversationTranscripts
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);

    /// <summary>The conversation, started afresh if the bot does not hold it (new, idle and dropped, or before a restart).</summary>
    public LocalConversation GetOrStart(string id)
    {
        var conversation = _conversations.GetOrAdd(id, key => new LocalConversation(key, time.GetUtcNow(), options.Value.MaxActivitiesPerConversation, options.Value.MaxBytesPerConversation));
        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    public int RemoveIdle()
    {
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (time.GetUtcNow() - conversation.LastUsedAt > options.Value.ConversationIdleTimeout
                && _conversations.TryRemove(new KeyValuePair<string, LocalConversation>(id, conversation)))
            {
                removed++;
            }
        }
        return removed;
    }

    public Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (channelId == LocalDirectLineEndpoints.ChannelId && _conversations.TryGetValue(conversationId, out var conversation))
        {
            conversation.Erase();
        }
        return Task.CompletedTask;
    }
}
