namespace ArtBot.Knowledge.Content;

/// <summary>Where the knowledge base comes from: the clinic's article, kept verbatim in <see cref="File"/>.</summary>
public sealed record ArticleSource
{
    public string Title { get; init; } = "";
    public string Author { get; init; } = "";
    public string Origin { get; init; } = "";

    /// <summary>The article's address on the clinic's website (https), for citations to link to; empty while it is not known.</summary>
    public string Url { get; init; } = "";
    public string File { get; init; } = "";
}
