namespace ArtBot.Knowledge.Content;

/// <summary>The shape of <c>knowledge-base.json</c>.</summary>
public sealed record KnowledgeBaseDocument
{
    public ArticleSource Source { get; init; } = new();
    public CannedMessage Welcome { get; init; } = new();
    public CannedMessage Fallback { get; init; } = new();
    public CannedMessage Clarify { get; init; } = new();
    public IReadOnlyList<KnowledgeEntry> Entries { get; init; } = [];
}
