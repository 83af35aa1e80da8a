namespace ArtBot.Knowledge.Content;

/// <summary>A message the bot sends that is not an answer (welcome, fallback, clarification), with the entries it suggests next.</summary>
public sealed record CannedMessage
{
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
