using ArtBot.Bot.Answering;
using ArtBot.Bot.Privacy;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>Storing a confirmed booking, exactly once (with the topics asked about, for the staff ticket), and telling the person what happens next.</summary>
public sealed partial class ConsultFlow
{
    /// <summary>
    /// Stores the request, forgets the person's answers and gives the reference. If the database fails, says so
    /// plainly and keeps the booking, so Confirm (or the form) can be tried again. Returns whether it was stored.
    /// </summary>
    private async Task<bool> CompleteAsync(ITurnContext turnContext, ConsultBooking booking, ConsultRequest request, CancellationToken cancellationToken)
    {
        SaveOutcome saved;
        var topics = await memory.GetAsync<TopicMemory>(turnContext, cancellationToken);
        if (quota.TryReserve(turnContext) is not { } reservation)
        {
            LogOverQuota(logger, turnContext.Activity.ChannelId);
            await SendAsync(turnContext, BookingReply(BookingMilestones.OverQuota,
                "I'm sorry: several requests have already been sent from here in the last hour, so this one has **not** been sent. " +
                "The clinic will contact you about the ones it has." +
                CallTheClinic(" If you need them sooner, please call the clinic at {0}.", " You can try again later."),
                booking.Step == BookingStep.Summary ? [ConsultPrompts.Confirm, ConsultPrompts.Cancel] : []), cancellationToken);
            return false;
        }
        try
        {
            saved = await store.SaveAsync(request with { TopicsAsked = topics.TopicsAsked }, cancellationToken);
            LogStored(logger, saved.Reference, turnContext.Activity.ChannelId, saved.IsNew);
            if (!saved.IsNew)
            {
                quota.Release(reservation);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            quota.Release(reservation);
            LogNotStored(logger, exception, request.Reference);
            await SendAsync(turnContext, BookingReply(BookingMilestones.NotSaved,
                "I'm sorry: I couldn't save your request just now, so it has **not** reached the clinic." +
                CallTheClinic(" Please call the clinic at {0}, or try again in a moment.", " Please try again in a moment, or contact the clinic directly."),
                booking.Step == BookingStep.Summary ? [ConsultPrompts.Confirm, ConsultPrompts.Cancel] : []), cancellationToken);
            return false;
        }
        booking.Forget();
        booking.StoredReference = saved.Reference;
        booking.RememberPersonalTerms(personalTerms.Of(request.Name, request.Contact));
        if (!booking.ReferencesGiven.Contains(saved.Reference))
        {
            booking.ReferencesGiven.Add(saved.Reference);
        }
        await SendAsync(turnContext, Booked(request, saved), cancellationToken);
        return true;
    }

    /// <summary>The request from a booking's answers (the conversation's, or the form's read into one), the one place one is made.</summary>
    private static ConsultRequest Request(ITurnContext turnContext, ConsultBooking answers, Guid bookingId, string reference, DateTimeOffset consentGivenAt) =>
        new(bookingId, reference, turnContext.Activity.ChannelId ?? "", answers.Name!, answers.Contact!, answers.Mode!.Value, answers.Time!.Value, answers.Concern,
            consentGivenAt, ConsentWording.Version)
        {
            RequesterKey = RequesterKey.For(turnContext.Activity),
            ConversationKey = RequesterKey.ForConversation(turnContext.Activity),
        };

    private Reply Booked(ConsultRequest request, SaveOutcome saved)
    {
        var reach = request.Contact.Phone is not null ? "call you on" : "email you at";
        var opening = saved.IsNew
            ? $"Thank you, {MarkdownText.Escape(request.Name)}! Your request is with the clinic. Your reference is **{saved.Reference}**."
            : $"Your request is already with the clinic: your reference is **{saved.Reference}**.";
        var booked = knowledgeBase.Document.Booked;
        var by = _clinic.ReplyWithinBusinessHours > 0 && openingHours.AfterBusinessHours(time.GetUtcNow(), _clinic.ReplyWithinBusinessHours) is { } when ? $"by {when} " : "";
        var copy = (request.Contact.Email, saved) switch
        {
            (null, _) or (_, { IsNew: false }) => "",
            (_, { CopyEmailed: true }) => " A copy of your request is on its way to your inbox, with how to cancel it.",
            _ => " This chat doesn't send emails, so please note your reference.",
        };
        var text = $"{opening}\n\nWhat happens next: the clinic will {reach} {MarkdownText.Escape(ConsultPrompts.Contact(request.Contact))} {by}" +
            $"to arrange your free consult ({ConsultPrompts.Describe(request.Mode)}, {ConsultPrompts.Describe(request.Time)}). There's no obligation.{copy}" +
            $"\n\n{booked.Text}";
        return BookingReply(saved.IsNew ? BookingMilestones.Booked : BookingMilestones.AlreadyBooked, text, [.. booked.Suggestions.Select(id => knowledgeBase[id].Title)]) with { Reference = saved.Reference };
    }
}
