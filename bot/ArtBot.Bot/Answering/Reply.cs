namespace ArtBot.Bot.Answering;

/// <summary>
/// What the bot says in one turn, before it becomes an activity: the text, the buttons to show after it,
/// and, for replies drawn from the knowledge base, the entry and the classifier's confidence.
/// </summary>
public sealed record Reply(ReplyKind Kind, string Text, IReadOnlyList<string> SuggestedActions)
{
    public string? EntryId { get; init; }
    public double? Confidence { get; init; }
}
