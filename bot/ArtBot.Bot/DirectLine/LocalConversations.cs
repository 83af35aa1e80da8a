using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.DirectLine;

/// <summary>The conversations of the bot's own Direct Line, kept in memory and dropped once idle.</summary>
public sealed class LocalConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);

    public LocalConversation GetOrStart(string id) => _conversations.GetOrAdd(id, key => new LocalConversation(key, time.GetUtcNow()));

    public bool TryGet(string id, out LocalConversation conversation)
    {
        if (_conversations.TryGetValue(id, out conversation!) && !IsIdle(conversation))
        {
            conversation.Touch(time.GetUtcNow());
            return true;
        }
        return false;
    }

    public int RemoveIdle()
    {
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (IsIdle(conversation) && _conversations.TryRemove(new KeyValuePair<string, LocalConversation>(id, conversation)))
            {
                removed++;
            }
        }
        return removed;
    }

    private bool IsIdle(LocalConversation conversation) => time.GetUtcNow() - conversation.LastUsedAt > options.Value.ConversationIdleTimeout;
}
