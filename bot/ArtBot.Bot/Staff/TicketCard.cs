using System.Globalization;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Knowledge.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// A ticket as staff see it in the channel: an Adaptive Card (1.5) with the request's details, its status and holder,
/// and the actions that apply now as Universal Actions (<c>Action.Execute</c>), each carrying the version it was shown at.
/// </summary>
public sealed class TicketCard(KnowledgeBase knowledgeBase, TimeProvider time, Microsoft.Extensions.Options.IOptions<StaffOptions> options)
{
    public const string UnclaimedNote = "Nobody has claimed this request yet. Could someone take it?";

    private readonly TimeZoneInfo _zone = options.Value.ClinicTimeZone();

    public const string VerbPrefix = "ticket/";

    public static readonly IReadOnlyDictionary<TicketAction, (string Verb, string Title)> Actions = new Dictionary<TicketAction, (string, string)>
    {
        [TicketAction.Claim] = ("ticket/claim", "Claim"),
        [TicketAction.MarkContacted] = ("ticket/contacted", "Mark contacted"),
        [TicketAction.Close] = ("ticket/close", "Close"),
        [TicketAction.Reopen] = ("ticket/reopen", "Reopen"),
    };

    public static string Note(TicketAction action, string staffName) => action switch
    {
        TicketAction.Claim => $"{staffName} claimed this request.",
        TicketAction.MarkContacted => $"{staffName} contacted the patient.",
        TicketAction.Close => $"{staffName} closed this request.",
        _ => $"{staffName} reopened this request.",
    };

    public Activity ToActivity(StaffTicket ticket)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [StaffCard.Attachment(Build(ticket))];
        activity.Summary = $"Consult request {ticket.Reference}: {Status(ticket)}";
        return (Activity)activity;
    }

    public JObject Build(StaffTicket ticket)
    {
        var body = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["text"] = $"Consult request {ticket.Reference}", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JObject { ["type"] = "TextBlock", ["text"] = Status(ticket), ["color"] = ticket.Status == TicketStatus.Unassigned ? "Attention" : "Good", ["spacing"] = "None", ["wrap"] = true },
            new JObject { ["type"] = "FactSet", ["facts"] = new JArray(Facts(ticket).Select(fact => new JObject { ["title"] = fact.Title, ["value"] = fact.Value })) },
        };
        return StaffCard.Of(body, new JArray(Enum.GetValues<TicketAction>().Where(action => ticket.After(action) is not null).Select(action => new JObject
        {
            ["type"] = "Action.Execute",
            ["title"] = Actions[action].Title,
            ["verb"] = Actions[action].Verb,
            ["data"] = new JObject { ["reference"] = ticket.Reference, ["version"] = ticket.Version },
        })));
    }

    public static string Status(StaffTicket ticket) => ticket.Status switch
    {
        TicketStatus.Unassigned => "Unassigned: nobody has it yet",
        TicketStatus.Claimed => $"Claimed by {MarkdownText.Escape(ticket.Holder ?? "someone")}",
        TicketStatus.Contacted => $"Contacted by {MarkdownText.Escape(ticket.Holder ?? "someone")}",
        _ => "Closed",
    };

    private IEnumerable<(string Title, string Value)> Facts(StaffTicket ticket)
    {
        yield return ("Submitted", $"{Local(ticket.CreatedAt)} ({Ago(ticket.CreatedAt)})");
        if (ticket.Request?.Request is { } request)
        {
            yield return ("Name", MarkdownText.Escape(request.Name));
            if (request.Contact.Phone is { } phone)
            {
                yield return ("Phone", $"[{phone}](tel:{phone})");
            }
            if (request.Contact.Email is { } email)
            {
                yield return ("Email", $"[{MarkdownText.Escape(email)}](mailto:{Uri.EscapeDataString(email).Replace("%40", "@", StringComparison.Ordinal)})");
            }
            yield return ("Consult", ConsultPrompts.Describe(request.Mode));
            yield return ("Preferred time", ConsultPrompts.Describe(request.Time));
            yield return ("What hurts", string.IsNullOrWhiteSpace(request.Concern) ? "(not said)" : MarkdownText.Escape(request.Concern));
        }
        else if (ticket.DetailsDeletedAt is { } deleted)
        {
            yield return ("Details", $"Deleted on {deleted.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (the patient asked, or the retention period ended)");
        }
        if (ticket.TopicsAsked.Count > 0)
        {
            yield return ("Asked about", string.Join(", ", ticket.TopicsAsked.Select(knowledgeBase.TitleOf)));
        }
    }

    /// <summary>The daily digest: every open request, oldest first, with its age and who has it.</summary>
    public Activity Digest(IReadOnlyList<StaffTicket> open)
    {
        var lines = open.Select(ticket => new JObject
        {
            ["type"] = "TextBlock",
            ["wrap"] = true,
            ["text"] = $"**{ticket.Reference}**, {Ago(ticket.CreatedAt)}: {Status(ticket)}",
        });
        var heading = new JObject { ["type"] = "TextBlock", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true, ["text"] = open.Count == 0 ? "No open consult requests today." : $"Open consult requests: {open.Count}" };
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [StaffCard.Attachment(StaffCard.Of(new JArray(lines.Prepend(heading))))];
        activity.Summary = $"Open consult requests: {open.Count}";
        return (Activity)activity;
    }

    private string Local(DateTimeOffset when) =>
        $"{TimeZoneInfo.ConvertTime(when, _zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} {(_zone.Id == "UTC" ? "UTC" : _zone.Id)}";

    private string Ago(DateTimeOffset when)
    {
        var age = time.GetUtcNow() - when;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} d ago";
    }
}
