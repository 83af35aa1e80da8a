namespace ArtBot.Knowledge.Content;

/// <summary>The shape of <c>knowledge-base.json</c>.</summary>
public sealed record KnowledgeBaseDocument
{
    public ArticleSource Source { get; init; } = new();
    public CannedMessage Welcome { get; init; } = new();
    public CannedMessage Fallback { get; init; } = new();
    public CannedMessage Clarify { get; init; } = new();

    /// <summary>Said when a clinic fact is asked for but not filled in; <c>{fact}</c> names it.</summary>
    public CannedMessage ClinicFactMissing { get; init; } = new();

    /// <summary>Said after a consult request is stored, below what happens next, with the topics to read meanwhile.</summary>
    public CannedMessage Booked { get; init; } = new();
    public IReadOnlyList<KnowledgeEntry> Entries { get; init; } = [];
}
