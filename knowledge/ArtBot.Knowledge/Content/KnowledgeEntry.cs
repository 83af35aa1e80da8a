namespace ArtBot.Knowledge.Content;

/// <summary>One topic the bot can answer. Its <see cref="Id"/> is also the name of the intent that leads to it.</summary>
public sealed record KnowledgeEntry
{
    public string Id { get; init; } = "";

    /// <summary>Short text shown on buttons; clicking the button sends this text back.</summary>
    public string Title { get; init; } = "";

    public string Answer { get; init; } = "";

    /// <summary>The article passages the answer is drawn from, quoted exactly.</summary>
    public IReadOnlyList<string> Passages { get; init; } = [];

    /// <summary>Entries suggested as next questions after this answer.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    public bool OfferConsult { get; init; }

    /// <summary>Greetings, thanks and the like: written by us, not drawn from the article, so they quote nothing.</summary>
    public bool SmallTalk { get; init; }
}
