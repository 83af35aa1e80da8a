using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.TestSupport;

/// <summary>
/// What Teams refuses with a 400, as Microsoft documents it (Teams' "Format your bot messages" and "Bot messages with
/// AI-generated content"; the client citation types of the Teams and Agents SDKs): the message size, the citation
/// entity's schema and limits, and Adaptive Cards (attachments and citation cards): version up to 1.5 and valid against
/// Microsoft's Adaptive Card 1.5 schema.
/// </summary>
public static class TeamsMessageRules
{
    public const int MaxMessageBytes = 28 * 1024;
    public const int MaxCitations = 20;
    public const int MaxAbstract = 160;
    public const int MaxName = 80;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private static readonly Version NewestCardVersion = new(1, 5);

    private static readonly Lazy<NJsonSchema.JsonSchema> CardSchema = new(() =>
    {
        using var stream = typeof(TeamsMessageRules).Assembly.GetManifestResourceStream("adaptive-card-1.5.json")!;
        return NJsonSchema.JsonSchema.FromJsonAsync(stream).GetAwaiter().GetResult();
    });

    /// <summary>Every rule <paramref name="activity"/> breaks, in words; empty when Teams would accept it.</summary>
    public static IReadOnlyList<string> Broken(JObject activity)
    {
        var broken = new List<string>();
        var bytes = Encoding.UTF8.GetByteCount(activity.ToString(Formatting.None));
        if (bytes > MaxMessageBytes)
        {
            broken.Add($"the message is {bytes:N0} bytes; Teams takes at most {MaxMessageBytes:N0}");
        }
        var messages = (activity["entities"] as JArray ?? []).OfType<JObject>().Where(entity => (string?)entity["type"] == "https://schema.org/Message").ToList();
        if (messages.Count > 1)
        {
            broken.Add("more than one root Message entity");
        }
        foreach (var message in messages)
        {
            CheckMessage(message, (string?)activity["text"] ?? "", broken);
        }
        foreach (var attachment in (activity["attachments"] as JArray ?? []).OfType<JObject>().Where(attachment => (string?)attachment["contentType"] == AdaptiveCardType))
        {
            CheckCard(attachment["content"], "attachment", broken);
        }
        return broken;
    }

    private static void CheckMessage(JObject message, string text, List<string> broken)
    {
        if ((string?)message["@type"] != "Message" || (string?)message["@context"] != "https://schema.org" || message["@id"]?.Type != JTokenType.String)
        {
            broken.Add("the Message entity needs @type \"Message\", @context \"https://schema.org\" and @id");
        }
        if (message["additionalType"] is { } additional && (additional is not JArray kinds || kinds.Any(kind => (string?)kind != "AIGeneratedContent")))
        {
            broken.Add("additionalType may only be [\"AIGeneratedContent\"]");
        }
        if (message["citation"] is not { } citations)
        {
            return;
        }
        if (citations is not JArray claims)
        {
            broken.Add("citation must be an array");
            return;
        }
        if (claims.Count > MaxCitations)
        {
            broken.Add($"{claims.Count} citations; Teams takes at most {MaxCitations}");
        }
        // Teams reads citations from the entity alone; a Markdown reference definition is shown to the person as text.
        if (Regex.IsMatch(text, @"^\[\d+\]: cite:", RegexOptions.Multiline))
        {
            broken.Add("the text carries a Markdown citation reference (\"[n]: cite:n\"), which Teams does not read");
        }
        foreach (var claim in claims)
        {
            CheckClaim(claim as JObject ?? [], broken);
        }
    }

    private static void CheckClaim(JObject claim, List<string> broken)
    {
        if ((string?)claim["@type"] != "Claim" || claim["position"]?.Type != JTokenType.Integer)
        {
            broken.Add("a citation must be a Claim with an integer position");
        }
        if (claim["appearance"] is not JObject appearance)
        {
            return;
        }
        if ((string?)appearance["@type"] != "DigitalDocument")
        {
            broken.Add("a citation's appearance must be a DigitalDocument");
        }
        CheckLength(appearance, "name", MaxName, broken);
        CheckLength(appearance, "abstract", MaxAbstract, broken);
        if (appearance["url"] is { } url && !Uri.TryCreate((string?)url, UriKind.Absolute, out _))
        {
            broken.Add("a citation's url must be an absolute address");
        }
        if (appearance["encodingFormat"] is { } format && (string?)format != AdaptiveCardType)
        {
            broken.Add($"a citation's encodingFormat may only be \"{AdaptiveCardType}\", not \"{format}\"");
        }
        if (appearance["text"] is { } text)
        {
            CheckCard(ParsedCard((string?)text), "citation text", broken);
        }
        if (appearance["keywords"] is { } keywords
            && (keywords is not JArray words || words.Count > MaxKeywords || words.Any(word => ((string?)word)?.Length is null or > MaxKeywordLength)))
        {
            broken.Add($"a citation may have at most {MaxKeywords} keywords of at most {MaxKeywordLength} characters");
        }
    }

    private static void CheckLength(JObject appearance, string field, int limit, List<string> broken)
    {
        var value = (string?)appearance[field];
        if (string.IsNullOrWhiteSpace(value))
        {
            broken.Add($"a citation's appearance needs a {field}");
        }
        else if (value.Length > limit)
        {
            broken.Add($"a citation's {field} is {value.Length} characters; Teams takes at most {limit}");
        }
    }

    private static JToken? ParsedCard(string? json)
    {
        try
        {
            return json is null ? null : JToken.Parse(json);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static void CheckCard(JToken? content, string where, List<string> broken)
    {
        if (content is not JObject card || (string?)card["type"] != "AdaptiveCard")
        {
            broken.Add($"the {where} is not an Adaptive Card (a JSON object of type AdaptiveCard)");
            return;
        }
        if (!Version.TryParse((string?)card["version"], out var version) || version > NewestCardVersion)
        {
            broken.Add($"the {where}'s Adaptive Card version is \"{card["version"]}\"; Teams renders up to {NewestCardVersion}");
        }
        var untyped = card.SelectTokens("$..body[*]").Concat(card.SelectTokens("$..actions[*]"))
            .Count(element => element is not JObject typed || string.IsNullOrEmpty((string?)typed["type"]));
        if (untyped > 0)
        {
            broken.Add($"the {where} has {untyped} element(s) or action(s) without a type");
        }
        foreach (var error in CardSchema.Value.Validate(card.ToString(Formatting.None)))
        {
            broken.Add($"the {where} breaks the Adaptive Card 1.5 schema: {error.Kind} at {error.Path}");
        }
    }
}
