namespace ArtBot.Bot.Answering;

/// <summary>The article topics answered in a conversation (entry ids, never the person's words).</summary>
public sealed class TopicMemory
{
    public const int MaxTopicsAsked = 10;

    /// <summary>The topic answered last, so "what about my shoulder?" is read with it.</summary>
    public string? LastTopic { get; set; }

    /// <summary>The topics answered (at most <see cref="MaxTopicsAsked"/>), for the staff ticket if the person books.</summary>
    public List<string> TopicsAsked { get; set; } = [];

    public void Remember(string topic)
    {
        LastTopic = topic;
        if (!TopicsAsked.Contains(topic) && TopicsAsked.Count < MaxTopicsAsked)
        {
            TopicsAsked.Add(topic);
        }
    }
}
