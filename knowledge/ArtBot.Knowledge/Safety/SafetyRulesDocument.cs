namespace ArtBot.Knowledge.Safety;

/// <summary>
/// The shape of <c>safety/&lt;locale&gt;.json</c>: the reviewed phrase rules. Regular expressions, matched on the
/// lower-cased message after the benign phrases and denials are masked.
/// </summary>
public sealed record SafetyRulesDocument
{
    public string Locale { get; init; } = "";
    public string ReviewedBy { get; init; } = "";
    public string BenignPhrasesNote { get; init; } = "";

    /// <summary>Look-alikes masked before any tier is matched: figures of speech, gym chest ache, a swimming stroke.</summary>
    public IReadOnlyList<string> BenignPhrases { get; init; } = [];

    /// <summary>Symptoms the person says they do not have ("no numbness", "bladder and bowel are fine"), masked likewise.</summary>
    public IReadOnlyList<string> Denials { get; init; } = [];

    /// <summary>A course that has lasted or comes with one position ("for 3 weeks", "when I lean on my elbow").</summary>
    public IReadOnlyList<string> LongStanding { get; init; } = [];

    /// <summary>A course that is sudden or quickly worse ("suddenly", "worse by the hour", "spreading").</summary>
    public IReadOnlyList<string> Worsening { get; init; } = [];

    /// <summary>
    /// The person says they are not at risk themselves ("I am not in any danger", "not done with life, just done with
    /// this hip", "frustrated, not hopeless"): the meaning reads the message again without those sentences before it
    /// sends anyone to the crisis line; the rules read it as always.
    /// </summary>
    public IReadOnlyList<string> NoRiskStated { get; init; } = [];

    /// <summary>
    /// Words as people type them on a phone, each with the word the rules are written for ("mysefl": "myself", "pils":
    /// "pills", "tonite": "tonight"), corrected before anything is matched, so every rule reads them. Only strings that
    /// are not English words themselves: "bills" is never read as "pills".
    /// </summary>
    public IReadOnlyDictionary<string, string> Misspellings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SafetyTierRules> Tiers { get; init; } = [];
}

/// <summary>
/// One tier's rules. A message reaches the tier through any one of <see cref="Patterns"/>, through every pattern of
/// one of <see cref="Combinations"/>, through one of <see cref="WhenWorsening"/> together with a worsening course, or
/// through one of <see cref="PatternsUnless"/> when the message does not say what rules it out.
/// </summary>
public sealed record SafetyTierRules
{
    public string Tier { get; init; } = "";
    public string Message { get; init; } = "";
    public IReadOnlyList<string> Patterns { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> Combinations { get; init; } = [];
    public IReadOnlyList<string> WhenWorsening { get; init; } = [];
    public IReadOnlyList<SafetyPatternUnless> PatternsUnless { get; init; } = [];
}

/// <summary>
/// A pattern that reaches its tier unless the message says one of <see cref="Unless"/>, read as written, before the
/// denials are masked: a swollen calf after a flight is an emergency unless the breathing is said to be fine.
/// </summary>
public sealed record SafetyPatternUnless
{
    public string Pattern { get; init; } = "";
    public IReadOnlyList<string> Unless { get; init; } = [];
}
