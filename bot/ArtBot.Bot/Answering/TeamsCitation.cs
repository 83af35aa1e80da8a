using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Answering;

/// <summary>
/// An answer's citation as Teams takes it: the text keeps its <c>[1]</c> badge but no Markdown reference line (Teams
/// reads the citation from the entity alone), and the Message entity's Claim follows Teams' schema, whose limits Teams
/// enforces with a 400: an abstract of at most 160 characters, a name of at most 80, and the full passages, if given,
/// only as a stringified Adaptive Card.
/// </summary>
public static class TeamsCitation
{
    public const int AbstractLimit = 160;
    public const int NameLimit = 80;
    public const string AdaptiveCardFormat = "application/vnd.microsoft.card.adaptive";

    public static string Text(string text) => $"{text} [1]";

    /// <summary>
    /// The Message entity without <c>additionalType: AIGeneratedContent</c>: the answers are the clinic's own words,
    /// written and checked by people; a model only picks which one, so Teams' "AI generated" label would mislead.
    /// </summary>
    public static JObject MessageEntity(Citation source) => new()
    {
        ["type"] = "https://schema.org/Message",
        ["@type"] = "Message",
        ["@context"] = "https://schema.org",
        ["@id"] = "",
        ["citation"] = new JArray { Claim(source) },
    };

    private static JObject Claim(Citation source)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = ShortText.Cut(source.Document, NameLimit),
            ["abstract"] = ShortText.Cut(source.Passages[0], AbstractLimit),
            ["text"] = PassagesCard(source.Passages).ToString(Formatting.None),
            ["encodingFormat"] = AdaptiveCardFormat,
        };
        if (source.Url is { } url)
        {
            appearance["url"] = url;
        }
        return new JObject { ["@type"] = "Claim", ["position"] = 1, ["appearance"] = appearance };
    }

    /// <summary>What Teams shows when the citation is opened: every passage the answer quotes, whole.</summary>
    private static JObject PassagesCard(IReadOnlyList<string> passages) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JArray(passages.Select(passage => new JObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = passage })),
    };
}
