using System.Collections.Concurrent;
using ArtBot.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>
/// The conversations of the bot's own Direct Line, kept in memory, dropped once idle, and erased on "forget me". Their
/// activities together stay within <see cref="DirectLineOptions.MaxBytesInTotal"/>: past it, the conversations used
/// least recently are dropped first (their visitors start afresh, as after an idle time), so many new conversations
/// cannot fill the server's memory.
/// </summary>
public sealed partial class LocalConversations(
    IOptions<DirectLineOptions> options, TimeProvider time, Observability.ArtBotMetrics metrics, ILogger<LocalConversations> logger) : IConversationTranscripts
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>The memory (about) all conversations' activities hold.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _conversations.Count;

    /// <summary>The conversation, started afresh if the bot does not hold it (new, idle and dropped, or before a restart).</summary>
    public LocalConversation GetOrStart(string id)
    {
        var conversation = _conversations.GetOrAdd(id, key => new LocalConversation(key, time.GetUtcNow(), options.Value.MaxActivitiesPerConversation, options.Value.MaxBytesPerConversation));
        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>Adds activities to <paramref name="conversation"/>, then drops the least recently used others while all of them hold too much.</summary>
    public void Append(LocalConversation conversation, IEnumerable<Microsoft.Bot.Schema.Activity> activities)
    {
        Interlocked.Add(ref _bytes, conversation.Append(activities, time.GetUtcNow()));
        var evicted = 0;
        while (Bytes > options.Value.MaxBytesInTotal
            && _conversations.Values.Where(other => !ReferenceEquals(other, conversation)).MinBy(other => other.LastUsedAt) is { } oldest)
        {
            if (Drop(oldest))
            {
                evicted++;
            }
        }
        if (evicted > 0)
        {
            metrics.RecordDirectLineEvictions(evicted);
            LogEvicted(logger, evicted, options.Value.MaxBytesInTotal / (1024 * 1024));
        }
    }

    public int RemoveIdle()
    {
        var removed = 0;
        foreach (var (_, conversation) in _conversations)
        {
            if (time.GetUtcNow() - conversation.LastUsedAt > options.Value.ConversationIdleTimeout && Drop(conversation))
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
            Interlocked.Add(ref _bytes, -conversation.Erase());
        }
        return Task.CompletedTask;
    }

    private bool Drop(LocalConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, LocalConversation>(conversation.Id, conversation)))
        {
            return false;
        }
        Interlocked.Add(ref _bytes, -conversation.Retire());
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped the {Count} least recently used website chats: all chats together held more than {MegaBytes} MB")]
    private static partial void LogEvicted(ILogger logger, int count, long megaBytes);
}
