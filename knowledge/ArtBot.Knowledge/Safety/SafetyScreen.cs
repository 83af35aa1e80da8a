using System.Text;
using System.Text.RegularExpressions;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Validation;
using Newtonsoft.Json;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// Screens every message for red flags before it is classified, in two layers. The reviewed phrase rules: benign
/// look-alikes are masked first (only their own words), then the tiers are tried in the file's order, most serious
/// first; the first match decides. Then the meaning (<see cref="SemanticSafetyLayer"/>), which catches what people
/// say in their own words; the graver of the two verdicts wins.
/// </summary>
public sealed class SafetyScreen
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<Regex> _benign;
    private readonly IReadOnlyList<(SafetyTier Tier, string Message, IReadOnlyList<Regex> Patterns)> _tiers;

    private SafetyScreen(IReadOnlyList<Regex> benign, IReadOnlyList<(SafetyTier, string, IReadOnlyList<Regex>)> tiers)
    {
        _benign = benign;
        _tiers = tiers;
    }

    /// <summary>The layer that reads meaning; null when the screen was loaded with the phrase rules alone.</summary>
    public SemanticSafetyLayer? Semantic { get; private init; }

    public SafetyVerdict Screen(string message)
    {
        var byRule = ScreenByRules(message);
        // The reviewed rules are precise: when one names a red flag, its tier stands; meaning only adds what they miss.
        if (Semantic is null || byRule.Tier is not (SafetyTier.None or SafetyTier.Assessment))
        {
            return byRule;
        }
        var byMeaning = Semantic.Classify(message);
        var gravest = SafetyTiers.Gravest(byRule.Tier, byMeaning);
        return gravest == byRule.Tier ? byRule : new SafetyVerdict(gravest, MessageFor(gravest)) { ByMeaning = true };
    }

    /// <summary>The reviewed phrase rules alone.</summary>
    public SafetyVerdict ScreenByRules(string message)
    {
        var text = Normalise(message);
        try
        {
            foreach (var benign in _benign)
            {
                text = benign.Replace(text, match => new string(' ', match.Length));
            }
            foreach (var (tier, reply, patterns) in _tiers)
            {
                if (patterns.Any(pattern => pattern.IsMatch(text)))
                {
                    return new SafetyVerdict(tier, reply);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A message the screen cannot read in time is treated as the most serious tier rather than waved through.
            var (tier, reply, _) = _tiers[0];
            return new SafetyVerdict(tier, reply);
        }
        return SafetyVerdict.Clear;
    }

    private string MessageFor(SafetyTier tier) => _tiers.First(rules => rules.Tier == tier).Message;

    /// <summary>Both layers: the phrase rules and the meaning, read with <paramref name="embedder"/>.</summary>
    public static SafetyScreen Load(KnowledgeFiles files, ISentenceEmbedder embedder, string locale = "en")
    {
        var rules = Load(files, locale);
        return new SafetyScreen(rules._benign, rules._tiers) { Semantic = SemanticSafetyLoader.Load(files, embedder, locale) };
    }

    /// <summary>The phrase rules alone.</summary>
    public static SafetyScreen Load(KnowledgeFiles files, string locale = "en")
    {
        var path = files.SafetyRules(locale);
        var name = $"safety/{locale}.json";
        if (!File.Exists(path))
        {
            throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(name, "-", "-", $"the safety rules were not found at {path}")]);
        }
        SafetyRulesDocument? document;
        try
        {
            document = JsonConvert.DeserializeObject<SafetyRulesDocument>(File.ReadAllText(path), new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error });
        }
        catch (JsonException exception)
        {
            throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(name, "-", "-", exception.Message)]);
        }
        var problems = new List<KnowledgeProblem>();
        var screen = Build(document ?? new SafetyRulesDocument(), name, problems);
        return problems.Count > 0 ? throw new InvalidKnowledgeException(files.Directory, problems) : screen;
    }

    private static SafetyScreen Build(SafetyRulesDocument document, string file, List<KnowledgeProblem> problems)
    {
        var benign = Compile(document.BenignPhrases, file, "benignPhrases", "benignPhrases", problems);
        var tiers = new List<(SafetyTier, string, IReadOnlyList<Regex>)>();
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
            if (rules.Patterns.Count == 0)
            {
                problems.Add(new(file, entry, "patterns", "a tier needs at least one pattern"));
            }
            tiers.Add((tier, rules.Message, Compile(rules.Patterns, file, entry, "patterns", problems)));
        }
        foreach (var missing in Enum.GetValues<SafetyTier>().Where(tier => tier != SafetyTier.None && tiers.All(found => found.Item1 != tier)))
        {
            problems.Add(new(file, missing.ToString(), "tiers", "this tier has no rules"));
        }
        return new SafetyScreen(benign, tiers);
    }

    private static List<Regex> Compile(IReadOnlyList<string> patterns, string file, string entry, string field, List<KnowledgeProblem> problems)
    {
        var compiled = new List<Regex>();
        foreach (var (pattern, index) in patterns.Select((pattern, index) => (pattern, index)))
        {
            try
            {
                compiled.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout));
            }
            catch (ArgumentException exception)
            {
                problems.Add(new(file, entry, $"{field}[{index}]", $"not a valid regular expression: {exception.Message}"));
            }
        }
        return compiled;
    }

    /// <summary>Lower case, straight apostrophes, one space between words, so the patterns can stay simple.</summary>
    private static string Normalise(string message)
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
}
