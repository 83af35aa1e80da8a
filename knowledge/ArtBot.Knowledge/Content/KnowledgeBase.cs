namespace ArtBot.Knowledge.Content;

/// <summary>The validated knowledge base: what the bot may say, each answer traceable to the article.</summary>
public sealed class KnowledgeBase
{
    /// <summary>The entry behind "Book a free consult": the hand-over to the clinic starts from it.</summary>
    public const string ConsultEntryId = "free-consult";

    private readonly Dictionary<string, KnowledgeEntry> _byId;
    private readonly Dictionary<string, KnowledgeEntry> _byTitle;

    public KnowledgeBase(KnowledgeBaseDocument document, string article)
    {
        Document = document;
        Article = article;
        _byId = document.Entries.ToDictionary(entry => entry.Id, StringComparer.Ordinal);
        _byTitle = document.Entries
            .GroupBy(entry => TextComparison.Normalize(entry.Title))
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
    }

    public KnowledgeBaseDocument Document { get; }

    /// <summary>The full text of the source article.</summary>
    public string Article { get; }

    public IReadOnlyList<KnowledgeEntry> Entries => Document.Entries;

    public KnowledgeEntry ConsultEntry => this[ConsultEntryId];

    public KnowledgeEntry this[string id] => _byId.TryGetValue(id, out var entry)
        ? entry
        : throw new KeyNotFoundException($"The knowledge base has no entry '{id}'.");

    /// <summary>The entry's title, or the id itself for an entry the knowledge base no longer has (stored or counted before it changed).</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    public string TitleOf(string id) => _byId.TryGetValue(id, out var entry) ? entry.Title : id;

    /// <summary>Finds the entry whose title is <paramref name="text"/>: what a button click sends back.</summary>
    public bool TryFindByTitle(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnowledgeEntry? entry) =>
        _byTitle.TryGetValue(TextComparison.Normalize(text), out entry);
}
