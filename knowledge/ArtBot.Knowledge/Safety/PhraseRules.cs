using System.Text;
using System.Text.RegularExpressions;
using ArtBot.Knowledge.Validation;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// The reviewed phrase rules (<see cref="SafetyRulesDocument"/>), compiled. Benign look-alikes and denials are masked
/// first (only their own words, so a red flag elsewhere in the message still matches); then the tiers are tried
/// gravest first and the first one reached decides. No pattern has a time-out, so no time-out can decide a tier: a
/// group or a wildcard may only repeat a bounded number of times (<c>.{0,40}</c>, never <c>.*</c> or <c>(…)+</c>),
/// which <see cref="Build"/> checks, so matching stays polynomial in a message the bot reads at all (at most
/// <c>Answering:MaxMessageLength</c> characters). (<see cref="RegexOptions.NonBacktracking"/> was measured instead:
/// building these 359 patterns took 4.3 s and kept 375 MB.) Each rule is a <see cref="PhraseRule"/>: interpreted when
/// loaded, compiled by <see cref="CompileAsync"/>.
/// </summary>
public sealed partial class PhraseRules
{
    private readonly IReadOnlyList<PhraseRule> _masks;
    private readonly IReadOnlyList<PhraseRule> _longStanding;
    private readonly IReadOnlyList<PhraseRule> _worsening;
    private readonly IReadOnlyList<PhraseRule> _noRiskStated;
    private readonly IReadOnlyDictionary<string, string> _misspellings;

    private PhraseRules(IReadOnlyDictionary<string, string> misspellings, IReadOnlyList<PhraseRule> masks, IReadOnlyList<PhraseRule> longStanding,
        IReadOnlyList<PhraseRule> worsening, IReadOnlyList<PhraseRule> noRiskStated, IReadOnlyList<TierRules> tiers)
    {
        _misspellings = misspellings;
        _masks = masks;
        _longStanding = longStanding;
        _worsening = worsening;
        _noRiskStated = noRiskStated;
        Tiers = tiers;
    }

    public IReadOnlyList<TierRules> Tiers { get; }

    /// <summary>
    /// The message as the rules read it, once: normalised, and with the look-alikes and denials masked. A turn reads it
    /// for the rules' tier and again for the meaning, which must not pay for the masks twice.
    /// </summary>
    public PhraseReading Read(string message)
    {
        var written = Normalize(message);
        return new PhraseReading(written, Mask(written));
    }

    public SafetyTier Match(string message) => Match(Read(message));

    public SafetyTier Match(PhraseReading reading)
    {
        var (written, text) = reading;
        var worsening = _worsening.Any(pattern => pattern.IsMatch(text));
        return Tiers.FirstOrDefault(tier => tier.IsReached(text, written, worsening))?.Tier ?? SafetyTier.None;
    }

    /// <summary>The rule that decides the message's tier, for a reviewer (<c>training -- explain</c>); null when none does.</summary>
    public string? DecidingRule(string message)
    {
        var (written, text) = Read(message);
        var worsening = _worsening.Any(pattern => pattern.IsMatch(text));
        foreach (var tier in Tiers)
        {
            var combination = tier.Combinations.FirstOrDefault(candidate => candidate.Count > 0 && candidate.All(pattern => pattern.IsMatch(text)));
            var rule = tier.Patterns.FirstOrDefault(pattern => pattern.IsMatch(text))?.ToString()
                ?? (combination is null ? null : string.Join(" + ", combination))
                ?? (worsening ? tier.WhenWorsening.FirstOrDefault(pattern => pattern.IsMatch(text))?.ToString() : null)
                ?? tier.PatternsUnless.FirstOrDefault(rule => rule.IsReached(text, written))?.ToString();
            if (rule is not null)
            {
                return $"{SafetyTiers.Name(tier.Tier)}: {rule}";
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the message describes a stable, long-standing or positional complaint and nothing sudden or worsening:
    /// what the meaning alone must not escalate to an emergency or "today".
    /// </summary>
    public bool IsLongStandingAndSteady(PhraseReading reading)
    {
        var text = reading.Masked;
        return _longStanding.Any(pattern => pattern.IsMatch(text)) && !_worsening.Any(pattern => pattern.IsMatch(text));
    }

    /// <summary>Whether the person says they are not at risk themselves ("I am not in any danger", "not giving up").</summary>
    public bool StatesNoRisk(string message)
    {
        var text = Normalize(message);
        return _noRiskStated.Any(pattern => pattern.IsMatch(text));
    }

    /// <summary>The message without the sentences in which the person says they are not at risk; empty when every one does.</summary>
    public string WithoutSentencesStatingNoRisk(string message)
    {
        var pieces = MessagePieces.Of(message);
        return string.Join(". ", (pieces.Count == 1 ? pieces : pieces.Skip(1)).Where(piece => !StatesNoRisk(piece)));
    }

    /// <summary>The message as the meaning should read it (<see cref="PhraseReading.WithoutLookAlikes"/>).</summary>
    public string WithoutLookAlikes(string message) => Read(message).WithoutLookAlikes;

    public string MessageFor(SafetyTier tier) => Tiers.First(rules => rules.Tier == tier).Message;

    /// <summary>Whether every rule now reads with compiled code (<see cref="CompileAsync"/>).</summary>
    public bool IsCompiled => All.All(rule => rule.IsCompiled);

    /// <summary>
    /// Moves every rule, one at a time, from the interpreter to compiled code, on a background thread: the bot starts
    /// without waiting for it (a few seconds on two cores) and reads messages meanwhile exactly as it will after.
    /// </summary>
    public Task CompileAsync(CancellationToken cancellationToken = default) => Task.Run(() => Compile(cancellationToken), cancellationToken);

    /// <summary>The same, on this thread: for tools that read many messages at once and want compiled speed from the first.</summary>
    public void Compile(CancellationToken cancellationToken = default)
    {
        foreach (var rule in All.Where(rule => !rule.IsCompiled))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rule.Compile();
        }
    }

    /// <summary>Every compiled pattern: masks, context phrases and each tier's rules, for a reviewer or a bench.</summary>
    public IEnumerable<PhraseRule> All => _masks.Concat(_longStanding).Concat(_worsening).Concat(_noRiskStated)
        .Concat(Tiers.SelectMany(tier => tier.Patterns.Concat(tier.Combinations.SelectMany(combination => combination)).Concat(tier.WhenWorsening)
            .Concat(tier.PatternsUnless.SelectMany(rule => rule.Unless.Prepend(rule.Pattern)))));

    /// <summary>
    /// Blanks the look-alikes and denials in text already normalised. Each reads the whole text, not what the ones
    /// before it left: a look-alike that needs its context ("a suicide attempt. that was twelve years ago and i'm doing
    /// well") still sees the words another one blanks ("i'm doing well"), whatever their order in the file.
    /// </summary>
    private string Mask(string text)
    {
        var blanked = text.ToCharArray();
        foreach (var mask in _masks)
        {
            mask.BlankMatches(text, blanked);
        }
        return new string(blanked);
    }

    public static PhraseRules Build(SafetyRulesDocument document, string file, List<KnowledgeProblem> problems)
    {
        var masks = ReadPatterns(document.BenignPhrases, file, "benignPhrases", "benignPhrases", problems)
            .Concat(ReadPatterns(document.Denials, file, "denials", "denials", problems))
            .ToList();
        var longStanding = ReadPatterns(document.LongStanding, file, "longStanding", "longStanding", problems);
        var worsening = ReadPatterns(document.Worsening, file, "worsening", "worsening", problems);
        var noRiskStated = ReadPatterns(document.NoRiskStated, file, "noRiskStated", "noRiskStated", problems);
        var misspellings = ReadMisspellings(document.Misspellings, file, problems);
        var tiers = new List<TierRules>();
        foreach (var (rules, index) in document.Tiers.Select((rules, index) => (rules, index)))
        {
            var entry = string.IsNullOrWhiteSpace(rules.Tier) ? $"tiers[{index}]" : rules.Tier;
            if (!SafetyTiers.TryParse(rules.Tier, out var tier) || tier == SafetyTier.None)
            {
                problems.Add(new(file, entry, "tier", "unknown tier; use self-harm, emergency, urgent or assessment"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(rules.Message))
            {
                problems.Add(new(file, entry, "message", "the message is missing"));
            }
            if (rules.Patterns.Count + rules.Combinations.Count + rules.WhenWorsening.Count + rules.PatternsUnless.Count == 0)
            {
                problems.Add(new(file, entry, "patterns", "a tier needs at least one pattern"));
            }
            var combinations = rules.Combinations.Select((combination, position) => combination.Count < 2
                ? Fail(problems, new(file, entry, $"combinations[{position}]", "a combination needs at least two patterns"))
                : ReadPatterns(combination, file, entry, $"combinations[{position}]", problems)).ToList();
            if (rules.WhenWorsening.Count > 0 && worsening.Count == 0)
            {
                problems.Add(new(file, entry, "whenWorsening", "needs the file's worsening phrases"));
            }
            var patternsUnless = new List<PatternUnless>();
            foreach (var (rule, position) in rules.PatternsUnless.Select((rule, position) => (rule, position)))
            {
                if (rule.Unless.Count == 0)
                {
                    problems.Add(new(file, entry, $"patternsUnless[{position}]", "needs at least one 'unless' pattern; without one, put the pattern in 'patterns'"));
                    continue;
                }
                var pattern = ReadPatterns([rule.Pattern], file, entry, $"patternsUnless[{position}].pattern", problems);
                var unless = ReadPatterns(rule.Unless, file, entry, $"patternsUnless[{position}].unless", problems);
                if (pattern.Count == 1)
                {
                    patternsUnless.Add(new PatternUnless(pattern[0], unless));
                }
            }
            tiers.Add(new TierRules(tier, rules.Message, ReadPatterns(rules.Patterns, file, entry, "patterns", problems), combinations,
                ReadPatterns(rules.WhenWorsening, file, entry, "whenWorsening", problems), patternsUnless));
        }
        foreach (var missing in SafetyTiers.GravestFirst.Where(tier => tiers.All(found => found.Tier != tier)))
        {
            problems.Add(new(file, SafetyTiers.Name(missing), "tiers", "this tier has no rules"));
        }
        return new PhraseRules(misspellings, masks, longStanding, worsening, noRiskStated, [.. tiers.OrderBy(rules => SafetyTiers.GravestFirst.ToList().IndexOf(rules.Tier))]);
    }

    private static List<PhraseRule> Fail(List<KnowledgeProblem> problems, KnowledgeProblem problem)
    {
        problems.Add(problem);
        return [];
    }

    private static List<PhraseRule> ReadPatterns(IReadOnlyList<string> patterns, string file, string entry, string field, List<KnowledgeProblem> problems)
    {
        var rules = new List<PhraseRule>();
        foreach (var (pattern, index) in patterns.Select((pattern, index) => (pattern, index)))
        {
            if (UnboundedRepetition().IsMatch(pattern))
            {
                problems.Add(new(file, entry, $"{field}[{index}]", "a group or '.' repeats without a bound (*, + or {n,}); use a bounded count such as .{0,40}"));
                continue;
            }
            try
            {
                rules.Add(new PhraseRule(pattern));
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                problems.Add(new(file, entry, $"{field}[{index}]", $"not a valid regular expression: {exception.Message}"));
            }
        }
        return rules;
    }

    [GeneratedRegex(@"\)[*+]|\)\{\d+,\}|(?<!\\)\.[*+]|(?<!\\)\.\{\d+,\}")]
    private static partial Regex UnboundedRepetition();

    private static Dictionary<string, string> ReadMisspellings(IReadOnlyDictionary<string, string> misspellings, string file, List<KnowledgeProblem> problems)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (typed, meant) in misspellings)
        {
            if (!IsOneWord(typed) || typed != typed.ToLowerInvariant())
            {
                problems.Add(new(file, "misspellings", typed, "a misspelling is one lower-case word (letters and digits)"));
            }
            else if (string.IsNullOrWhiteSpace(meant) || meant != meant.ToLowerInvariant() || meant == typed)
            {
                problems.Add(new(file, "misspellings", typed, "needs the lower-case word it stands for, not itself"));
            }
            else
            {
                read[typed] = meant;
            }
        }
        return read;

        static bool IsOneWord(string text) => text.Length > 0 && text.All(char.IsLetterOrDigit);
    }

    /// <summary>
    /// Lower case, straight apostrophes, one space between words, and the known misspellings corrected, so the patterns
    /// can stay simple.
    /// </summary>
    private string Normalize(string message) => CorrectSpelling(Tidy(message));

    /// <summary>Each run of letters and digits that is a known misspelling, replaced by the word it stands for.</summary>
    private string CorrectSpelling(string text)
    {
        var corrected = new StringBuilder(text.Length);
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }
            if (end == start)
            {
                corrected.Append(text[start]);
                start++;
                continue;
            }
            var word = text[start..end];
            corrected.Append(_misspellings.TryGetValue(word, out var meant) ? meant : word);
            start = end;
        }
        return corrected.ToString();
    }

    private static string Tidy(string message)
    {
        var text = new StringBuilder(message.Length);
        var space = false;
        foreach (var character in message)
        {
            if (char.IsWhiteSpace(character))
            {
                space = text.Length > 0;
                continue;
            }
            if (space)
            {
                text.Append(' ');
                space = false;
            }
            text.Append(character switch
            {
                '\u2019' or '\u2018' or '`' or '\u00b4' => '\'',
                _ => char.ToLowerInvariant(character),
            });
        }
        return text.ToString();
    }

    /// <summary>One tier's compiled rules.</summary>
    public sealed record TierRules(SafetyTier Tier, string Message, IReadOnlyList<PhraseRule> Patterns, IReadOnlyList<List<PhraseRule>> Combinations,
        IReadOnlyList<PhraseRule> WhenWorsening, IReadOnlyList<PatternUnless> PatternsUnless)
    {
        public bool IsReached(string maskedText, string writtenText, bool worsening) =>
            Patterns.Any(pattern => pattern.IsMatch(maskedText))
            || Combinations.Any(combination => combination.Count > 0 && combination.All(pattern => pattern.IsMatch(maskedText)))
            || (worsening && WhenWorsening.Any(pattern => pattern.IsMatch(maskedText)))
            || PatternsUnless.Any(rule => rule.IsReached(maskedText, writtenText));
    }

    /// <summary>A pattern read on the masked text that stands unless the text as written says what rules it out.</summary>
    public sealed record PatternUnless(PhraseRule Pattern, IReadOnlyList<PhraseRule> Unless)
    {
        public bool IsReached(string maskedText, string writtenText) => Pattern.IsMatch(maskedText) && !Unless.Any(rule => rule.IsMatch(writtenText));

        public override string ToString() => $"{Pattern} (none of: {string.Join(" | ", Unless)})";
    }
}

/// <summary>A message as the phrase rules read it: normalised as written, and with the look-alikes and denials masked.</summary>
public sealed record PhraseReading(string Written, string Masked)
{
    /// <summary>
    /// The message as the meaning should read it: without the benign look-alikes and denials the rules mask ("this
    /// knee is killing me", "no numbness"), which an encoder would otherwise read as the red flags they resemble.
    /// </summary>
    public string WithoutLookAlikes => string.Join(' ', Masked.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
