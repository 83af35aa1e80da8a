using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// A press on a ticket card (Universal Actions: an <c>adaptiveCard/action</c> invoke): Claim, Mark contacted, Close,
/// Reopen, or Open from the list. The store is changed first, checked against the version the card showed; the
/// answer is the card as the ticket now is, so the one who lost a race sees who won. The card in the channel and a
/// note in its thread follow through the outbox.
/// </summary>
public sealed class TicketActions(StaffIdentity identity, IStaffTickets tickets, TicketCard cards)
{
    public const string ShowVerb = "ticket/show";

    public const string NotStaff = "Only the clinic's staff can work consult requests.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        if (!await identity.IsStaffAsync(turnContext, cancellationToken))
        {
            return StaffCard.Answer(NotStaff);
        }
        if (StaffIdentity.InGroupChat(turnContext))
        {
            return StaffCard.Answer(StaffCommands.DetailsNotInGroupChats);
        }
        var data = invoke.Action?.Data as JObject ?? (invoke.Action?.Data is { } other ? JObject.FromObject(other) : []);
        if ((string?)data["reference"] is not { Length: > 0 } reference)
        {
            return StaffCard.Answer("That card is missing its consult request.");
        }
        var verb = invoke.Action?.Verb ?? "";
        if (verb == ShowVerb)
        {
            if (await tickets.FindAsync(reference, cancellationToken) is not { } shown)
            {
                return StaffCard.Answer($"There is no consult request {reference}.");
            }
            await RecordCopyAsync(turnContext, reference, cancellationToken);
            return Card(shown);
        }
        if (TicketCard.Actions.FirstOrDefault(action => action.Value.Verb == verb) is not { Value.Verb: not null } known)
        {
            return StaffCard.Answer("I don't know that action.");
        }
        var result = await tickets.ApplyAsync(reference, known.Key, StaffIdentity.NameOf(turnContext), (int?)data["version"] ?? -1, cancellationToken);
        if (result is not { } applied)
        {
            return StaffCard.Answer($"There is no consult request {reference}.");
        }
        await RecordCopyAsync(turnContext, reference, cancellationToken);
        return Card(applied.Ticket);
    }

    /// <summary>The card pressed now shows the ticket: unless it is the thread's own card, it is a copy to keep up to date.</summary>
    private Task RecordCopyAsync(ITurnContext turnContext, string reference, CancellationToken cancellationToken) =>
        turnContext.Activity.ReplyToId is { Length: > 0 } cardId
            ? tickets.RecordCardCopyAsync(reference, turnContext.Activity.Conversation.Id, cardId, cancellationToken)
            : Task.CompletedTask;

    private AdaptiveCardInvokeResponse Card(StaffTicket ticket) => StaffCard.Answer(cards.Build(ticket));
}
