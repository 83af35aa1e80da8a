namespace ArtBot.Knowledge.Safety;

/// <summary>The shape of <c>safety/&lt;locale&gt;.json</c>: red-flag phrases per tier, as regular expressions, and the message for each tier.</summary>
public sealed record SafetyRulesDocument
{
    public string Locale { get; init; } = "";
    public string ReviewedBy { get; init; } = "";
    public string BenignPhrasesNote { get; init; } = "";
    public IReadOnlyList<string> BenignPhrases { get; init; } = [];
    public IReadOnlyList<SafetyTierRules> Tiers { get; init; } = [];
}

public sealed record SafetyTierRules
{
    public string Tier { get; init; } = "";
    public string Message { get; init; } = "";
    public IReadOnlyList<string> Patterns { get; init; } = [];
}
