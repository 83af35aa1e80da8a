using System.Reflection;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Consult;

/// <summary>
/// The booking as one Adaptive Card form (JSON in <c>Cards/consult-form.json</c>), for channels that show cards.
/// The form carries the booking's id, so sending it twice, or after finishing the conversation, stores one request.
/// </summary>
public static class ConsultForm
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    private const string Marker = "consult-form";

    private static readonly string[] CardChannels = ["webchat", "msteams", "emulator", "directline"];
    private static readonly Lazy<JObject> Template = new(LoadTemplate);

    public static bool IsShownOn(string? channelId) => CardChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase);

    public static Attachment Render(Guid formId, string consentText, ConsultFormSubmission? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var card = (JObject)Template.Value.DeepClone();
        var body = (JArray)card["body"]!;
        Input(body, "consent")["title"] = consentText;
        card["actions"]![0]!["data"]!["formId"] = formId.ToString("N");
        if (values is not null)
        {
            Input(body, "name")["value"] = values.Name;
            Input(body, "contact")["value"] = values.Contact;
            Input(body, "mode")["value"] = values.Mode;
            Input(body, "time")["value"] = values.Time;
            Input(body, "concern")["value"] = values.Concern;
            Input(body, "consent")["value"] = values.Consent ? "true" : "false";
        }
        foreach (var (field, message) in errors ?? new Dictionary<string, string>())
        {
            var input = Input(body, field);
            body.Insert(body.IndexOf(input) + 1, new JObject
            {
                ["type"] = "TextBlock",
                ["id"] = field + "-error",
                ["text"] = message,
                ["color"] = "Attention",
                ["size"] = "Small",
                ["wrap"] = true,
            });
        }
        return new Attachment { ContentType = ContentType, Content = card };
    }

    /// <summary>An id for a form's message, chosen by the bot so the form can be replaced where the channel keeps it.</summary>
    public static string NewActivityId() => $"{Marker}-{Guid.NewGuid():N}";

    /// <summary>What replaces the form once it is sent: what the clinic received, with nothing left to fill in or press.</summary>
    public static Attachment Sent(ConsultRequest request)
    {
        var facts = new JArray
        {
            Fact("Name", request.Name),
            Fact("Contact", ConsultPrompts.Contact(request.Contact)),
            Fact("Consult", $"{ConsultPrompts.Describe(request.Mode)}, {ConsultPrompts.Describe(request.Time)}"),
        };
        if (request.Concern is not null)
        {
            facts.Add(Fact("What hurts", request.Concern));
        }
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JArray
            {
                new JObject { ["type"] = "TextBlock", ["text"] = "Request sent to the clinic", ["weight"] = "Bolder", ["color"] = "Good", ["wrap"] = true },
                new JObject { ["type"] = "FactSet", ["facts"] = facts },
            },
        };
        return new Attachment { ContentType = ContentType, Content = card };
    }

    private static JObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>Reads a submitted form from an activity's <c>value</c>; anything of the wrong type reads as empty.</summary>
    public static bool TryRead(object? value, out ConsultFormSubmission submission)
    {
        submission = new ConsultFormSubmission(null, "", "", "", "", "", false);
        if (value is not JObject form || Text(form, "artbot") != Marker)
        {
            return false;
        }
        submission = new ConsultFormSubmission(
            Guid.TryParse(Text(form, "formId"), out var formId) ? formId : null,
            Text(form, "name"),
            Text(form, "contact"),
            Text(form, "mode"),
            Text(form, "time"),
            Text(form, "concern"),
            string.Equals(Text(form, "consent"), "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    private static string Text(JObject form, string field) =>
        form[field] is JValue { Value: not null } value ? Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture)!.Trim() : "";

    private static JObject Input(JArray body, string id) => (JObject)body.Single(element => (string?)element["id"] == id);

    private static JObject LoadTemplate()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ArtBot.Bot.Cards.consult-form.json")
            ?? throw new InvalidOperationException("The consult form card is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
