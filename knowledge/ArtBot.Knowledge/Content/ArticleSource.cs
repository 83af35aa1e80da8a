namespace ArtBot.Knowledge.Content;

/// <summary>Where the knowledge base comes from: the clinic's article, kept verbatim in <see cref="File"/>.</summary>
public sealed record ArticleSource
{
    public string Title { get; init; } = "";
    public string Author { get; init; } = "";
    public string Origin { get; init; } = "";
    public string File { get; init; } = "";
}
