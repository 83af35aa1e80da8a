using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>
/// The booking conversation's steps: a detail's answer is read, kept and followed by the next question as
/// <see cref="BookingQuestions"/> says; the choices (form or questions, consent, confirm or change) are handled here.
/// </summary>
public sealed partial class ConsultFlow
{
    /// <summary>Takes the message as the answer to the current step and moves on; or returns why it can't.</summary>
    private async Task<string?> TryApplyAnswerAsync(ITurnContext turnContext, ConsultBooking booking, string text, CancellationToken cancellationToken)
    {
        if (BookingQuestions.At(booking.Step) is { } question)
        {
            if (question.Apply(booking, text, _clinic.DefaultPhoneRegion) is { } problem)
            {
                return problem;
            }
            booking.RememberPersonalTerms(personalTerms.Of(booking.Name, booking.Contact));
            await AdvanceAsync(turnContext, booking, question.Next(booking), cancellationToken);
            return null;
        }
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
