using System.Text.RegularExpressions;
using ArtBot.Bot.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// What staff type in Teams: <c>consults</c>, <c>consult ART-7Q2K</c>, <c>unanswered</c>, <c>stats</c>, <c>post consult requests here</c>, <c>help</c>.
/// The same words from anyone else are politely refused, except "help" and a bare "consult", which a patient may
/// mean for themselves (and which go on to the FAQ and the booking).
/// Anything else goes on to the FAQ, which answers staff too.
/// </summary>
public sealed partial class StaffCommands(
    StaffIdentity identity, IStaffTickets tickets, TicketCard cards, UnansweredReview unanswered, StaffStats stats, Microsoft.Extensions.Options.IOptions<StaffOptions> options,
    Hardening.OutgoingServiceUrls outgoing)
{
    public const string DetailsNotInGroupChats =
        "I show a request's details only in the staff channel or in a personal chat with me: people outside the staff may be in this group chat.";

    /// <summary>Without a staff team, anyone in the tenant counts as staff, so none of them may move where patients' requests go.</summary>
    public const string PostHereNeedsTheStaffTeam =
        "I can move consult requests to another channel only when the staff team is set (Staff:TeamId): ask whoever deployed ArtBot to set it, then say this again.";

    public const string Refusal = "That is a command for the clinic's staff in Microsoft Teams. Here I can answer questions about Active Release Therapy, or help you book a free consult.";

    /// <summary>Every command, as the Teams manifest lists them.</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> List =
    [
        ("consults", "Open consult requests, oldest first"),
        ("consult", "One consult request: consult ART-7Q2K"),
        ("post consult requests here", "Post new consult requests in this channel"),
        ("unanswered", "Questions ArtBot could not answer this week, to teach it"),
        ("stats", "The last 14 days in numbers and a chart"),
        ("help", "What ArtBot does for staff"),
    ];

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var command = Parse(text);
        if (command is null)
        {
            return false;
        }
        var staff = await identity.IsStaffAsync(turnContext, cancellationToken);
        if (!staff)
        {
            if (command.Value is ("help", _) or ("consult", ""))
            {
                return false;
            }
            await SendAsync(turnContext, new Reply(ReplyKind.Staff, Refusal, []) { Subject = "refused" }, cancellationToken);
            return true;
        }
        var reply = command.Value.Name switch
        {
            "consults" => await OpenTicketsAsync(cancellationToken),
            "consult" when StaffIdentity.InGroupChat(turnContext) => new Reply(ReplyKind.Staff, DetailsNotInGroupChats, []) { Subject = "consult" },
            "consult" => await TicketAsync(command.Value.Argument, cancellationToken),
            "post-here" => await PostHereAsync(turnContext, cancellationToken),
            "unanswered" => await unanswered.ListAsync(PageNumber(command.Value.Argument), cancellationToken),
            "stats" => await stats.BuildAsync(cancellationToken),
            _ => Help(),
        };
        var activity = ReplyActivities.ToActivity(reply, turnContext.Activity.ChannelId);
        if (command.Value.Name == "consult" && reply.Reference is { } shown)
        {
            RecordCopyWhenSent(turnContext, activity, shown);
        }
        await turnContext.SendActivityAsync(activity, cancellationToken);
        return true;
    }

    /// <summary>
    /// The card is a copy of the ticket's, to be kept up to date (<see cref="IStaffTickets.RecordCardCopyAsync"/>) under
    /// the id Teams gives it. Replies leave only once the turn's state is saved (<see cref="Turns.StaleTurnRetry"/>), so
    /// the id is read where the card actually goes out.
    /// </summary>
    private void RecordCopyWhenSent(ITurnContext turnContext, IActivity card, string reference) =>
        turnContext.OnSendActivities(async (context, activities, send) =>
        {
            var responses = await send();
            var index = activities.FindIndex(sent => ReferenceEquals(sent, card));
            if (index >= 0 && index < responses.Length && responses[index]?.Id is { Length: > 0 } activityId)
            {
                await tickets.RecordCardCopyAsync(reference, context.Activity.Conversation.Id, activityId, CancellationToken.None);
            }
            return responses;
        });

    private static (string Name, string Argument)? Parse(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', '!', '?').Trim();
        if (Regex.IsMatch(trimmed, "^(help|commands)$", RegexOptions.IgnoreCase))
        {
            return ("help", "");
        }
        if (Regex.IsMatch(trimmed, "^(consults|open consults|consult requests)$", RegexOptions.IgnoreCase))
        {
            return ("consults", "");
        }
        if (OneConsult().Match(trimmed) is { Success: true } one)
        {
            return ("consult", one.Groups["reference"].Value.ToUpperInvariant());
        }
        if (trimmed.Equals("consult", StringComparison.OrdinalIgnoreCase))
        {
            return ("consult", "");
        }
        if (Regex.IsMatch(trimmed, "^(stats|statistics)$", RegexOptions.IgnoreCase))
        {
            return ("stats", "");
        }
        if (UnansweredPage().Match(trimmed) is { Success: true } unansweredPage)
        {
            return ("unanswered", unansweredPage.Groups["page"].Value);
        }
        if (Regex.IsMatch(trimmed, "^post (the )?consult requests here$", RegexOptions.IgnoreCase))
        {
            return ("post-here", "");
        }
        return null;
    }

    private async Task<Reply> OpenTicketsAsync(CancellationToken cancellationToken)
    {
        var open = await tickets.ListOpenAsync(cancellationToken);
        if (open.Count == 0)
        {
            return new Reply(ReplyKind.Staff, "No open consult requests.", []) { Subject = "consults" };
        }
        var rows = new JArray(open.Select(ticket => new JObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JArray
                {
                    new JObject
                    {
                        ["type"] = "Column", ["width"] = "stretch",
                        ["items"] = new JArray { new JObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = $"**{ticket.Reference}** · {TicketCard.Status(ticket)} · {ticket.CreatedAt.UtcDateTime:d MMM HH:mm} UTC" } },
                    },
                    new JObject
                    {
                        ["type"] = "Column", ["width"] = "auto",
                        ["items"] = new JArray { new JObject
                        {
                            ["type"] = "ActionSet",
                            ["actions"] = new JArray { new JObject { ["type"] = "Action.Execute", ["title"] = "Open", ["verb"] = TicketActions.ShowVerb, ["data"] = new JObject { ["reference"] = ticket.Reference } } },
                        } },
                    },
                },
            }));
        return new Reply(ReplyKind.Staff, $"{open.Count} open consult request{(open.Count == 1 ? "" : "s")}, oldest first:", [])
        {
            Subject = "consults",
            Attachments = [StaffCard.Attachment(StaffCard.Of(rows))],
        };
    }

    private async Task<Reply> TicketAsync(string reference, CancellationToken cancellationToken) =>
        reference.Length == 0 ? new Reply(ReplyKind.Staff, "Which request? Say **consult** and its reference, for example **consult ART-7Q2K**, or **consults** for the open ones.", []) { Subject = "consult" }
        : await tickets.FindAsync(reference, cancellationToken) is { } ticket
            ? new Reply(ReplyKind.Staff, "", []) { Subject = "consult", Reference = ticket.Reference, Attachments = [StaffCard.Attachment(cards.Build(ticket))] }
            : new Reply(ReplyKind.Staff, $"There is no consult request {reference}.", []) { Subject = "consult" };

    private async Task<Reply> PostHereAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.TeamId))
        {
            return new Reply(ReplyKind.Staff, PostHereNeedsTheStaffTeam, []) { Subject = "post-here" };
        }
        if (StaffChannelCapture.ChannelOf(turnContext) is not { } channel)
        {
            return new Reply(ReplyKind.Staff, "Say this in the staff team's channel where consult requests should go.", []) { Subject = "post-here" };
        }
        if (!outgoing.Allows(channel.ServiceUrl))
        {
            return new Reply(ReplyKind.Staff, Hardening.OutgoingServiceUrls.NotThisMachine, []) { Subject = "post-here" };
        }
        await tickets.SaveChannelAsync(channel, cancellationToken);
        return new Reply(ReplyKind.Staff, "Done: new consult requests will be posted in this channel, each as its own thread.", []) { Subject = "post-here" };
    }

    private static Reply Help() => new(ReplyKind.Staff,
        "For the clinic's staff, ArtBot posts every consult request in the staff channel as a card you can claim, mark contacted and close.\n\n" +
        string.Join("\n", List.Select(command => $"- **{command.Command}**: {command.Description}")) +
        "\n\nAnything else is answered as patients are answered, so you can check what they are told.", [])
    { Subject = "help" };

    private static int PageNumber(string argument) => argument.Length > 0 ? int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture) : 1;

    private static Task SendAsync(ITurnContext turnContext, Reply reply, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ReplyActivities.ToActivity(reply, turnContext.Activity.ChannelId), cancellationToken);

    /// <summary>"unanswered", or a page of it: "unanswered 2", "unanswered page 2".</summary>
    [GeneratedRegex(@"^unanswered( questions)?( (page )?(?<page>[1-9][0-9]{0,2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex UnansweredPage();

    [GeneratedRegex(@"^(consult|ticket|request)\s+(?<reference>ART-[2-9A-HJ-NP-Z]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex OneConsult();
}
