using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>The booking conversation's steps: each answer read, checked and stored in the booking.</summary>
public sealed partial class ConsultFlow
{
    /// <summary>Takes the message as the answer to the current step and moves on; or returns why it can't.</summary>
    private async Task<string?> TryApplyAnswerAsync(ITurnContext turnContext, ConsultBooking booking, string text, CancellationToken cancellationToken)
    {
        string problem;
        switch (booking.Step)
        {
            case BookingStep.ConfirmRebook:
                if (!BookingAnswers.IsYes(text) && !string.Equals(text, ConsultPrompts.BookAnother, StringComparison.OrdinalIgnoreCase))
                {
                    return "Please tap one of the buttons.";
                }
                booking.StoredReference = null;
                await BeginAsync(turnContext, booking, cancellationToken);
                return null;
            case BookingStep.ChoosePath when string.Equals(text, ConsultPrompts.FormPath, StringComparison.OrdinalIgnoreCase):
                await ShowFormAsync(turnContext, booking, cancellationToken);
                return null;
            case BookingStep.ChoosePath when string.Equals(text, ConsultPrompts.QuestionsPath, StringComparison.OrdinalIgnoreCase):
                await CloseFormAsync(turnContext, booking, "_This form was closed: you chose to answer a few questions instead._", cancellationToken);
                await AdvanceAsync(turnContext, booking, BookingStep.Name, cancellationToken);
                return null;
            case BookingStep.ChoosePath:
                return "Please tap one of the buttons.";
            case BookingStep.Name:
                if (!BookingAnswers.TryReadName(text, out var name, out problem))
                {
                    return problem;
                }
                booking.Name = name;
                booking.RememberPersonalTerms(name, null);
                await AdvanceAsync(turnContext, booking, BookingStep.Contact, cancellationToken);
                return null;
            case BookingStep.Contact:
                if (!BookingAnswers.TryReadContact(text, _clinic.DefaultPhoneRegion, out var contact, out problem))
                {
                    return problem;
                }
                booking.Contact = contact;
                booking.RememberPersonalTerms(null, contact);
                await AdvanceAsync(turnContext, booking, BookingStep.Mode, cancellationToken);
                return null;
            case BookingStep.Mode:
                if (!BookingAnswers.TryReadMode(text, out var mode, out problem))
                {
                    return problem;
                }
                booking.Mode = mode;
                await AdvanceAsync(turnContext, booking, BookingStep.Time, cancellationToken);
                return null;
            case BookingStep.Time:
                if (!BookingAnswers.TryReadTime(text, out var preferred, out problem))
                {
                    return problem;
                }
                booking.Time = preferred;
                await AdvanceAsync(turnContext, booking, BookingStep.Concern, cancellationToken);
                return null;
            case BookingStep.Concern:
                if (!BookingAnswers.TryReadConcern(text, out var concern, out problem))
                {
                    return problem;
                }
                booking.Concern = concern;
                await AdvanceAsync(turnContext, booking, booking.ConsentGivenAt is null ? BookingStep.Consent : BookingStep.Summary, cancellationToken);
                return null;
            case BookingStep.Consent when BookingAnswers.IsYes(text):
                booking.ConsentGivenAt = time.GetUtcNow();
                await AdvanceAsync(turnContext, booking, BookingStep.Summary, cancellationToken);
                return null;
            case BookingStep.Consent when BookingAnswers.IsNo(text):
                await DeclineAsync(turnContext, booking, cancellationToken);
                return null;
            case BookingStep.Consent:
                return "Please answer yes or no.";
            case BookingStep.Summary when string.Equals(text, ConsultPrompts.Confirm, StringComparison.OrdinalIgnoreCase) || BookingAnswers.IsYes(text):
                await StoreAsync(turnContext, booking, cancellationToken);
                return null;
            case BookingStep.Summary when string.Equals(text, ConsultPrompts.Change, StringComparison.OrdinalIgnoreCase):
                await AdvanceAsync(turnContext, booking, BookingStep.ChooseChange, cancellationToken);
                return null;
            case BookingStep.Summary:
                return "Please tap Confirm to send your request, Change to correct it, or Cancel.";
            case BookingStep.ChooseChange when ConsultPrompts.Changeable.TryGetValue(text.Trim(), out var field):
                booking.ReturnToSummary = true;
                await AdvanceAsync(turnContext, booking, field, cancellationToken);
                return null;
            case BookingStep.ChooseChange when string.Equals(text, ConsultPrompts.BackToSummary, StringComparison.OrdinalIgnoreCase):
                await AdvanceAsync(turnContext, booking, BookingStep.Summary, cancellationToken);
                return null;
            case BookingStep.ChooseChange:
                return "Please tap what you'd like to change.";
            default:
                throw new InvalidOperationException($"The booking is at an unknown step {booking.Step}.");
        }
    }
}
