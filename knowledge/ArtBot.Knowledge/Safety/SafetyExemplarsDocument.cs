namespace ArtBot.Knowledge.Safety;

/// <summary>The shape of <c>safety/&lt;locale&gt;.exemplars.json</c>: everyday sentences per tier, and benign look-alikes.</summary>
public sealed record SafetyExemplarsDocument
{
    public string Locale { get; init; } = "";
    public string Source { get; init; } = "";
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tiers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Benign { get; init; } = [];
}
