using ArtBot.Bot.Privacy;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>The same booking sent as one Adaptive Card form.</summary>
public sealed partial class ConsultFlow
{
    private async Task SubmitFormAsync(ITurnContext turnContext, ConsultBooking booking, ConsultFormSubmission form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (!BookingAnswers.TryReadName(form.Name, out var name, out var problem))
        {
            errors["name"] = problem;
        }
        if (!BookingAnswers.TryReadContact(form.Contact, _clinic.DefaultPhoneRegion, out var contact, out problem))
        {
            errors["contact"] = problem;
        }
        if (!BookingAnswers.TryReadMode(form.Mode, out var mode, out problem))
        {
            errors["mode"] = problem;
        }
        if (!BookingAnswers.TryReadTime(form.Time, out var preferred, out problem))
        {
            errors["time"] = problem;
        }
        if (!BookingAnswers.TryReadConcern(form.Concern, out var concern, out problem))
        {
            errors["concern"] = problem;
        }
        if (!form.Consent)
        {
            errors["consent"] = "Please tick this box: without your consent the clinic can't contact you, and nothing is stored.";
        }
        var formId = form.FormId ?? Guid.NewGuid();
        if (errors.Count > 0)
        {
            await SendAsync(turnContext, Consult("form", $"Please check the form: {errors.Count} field{(errors.Count == 1 ? " needs" : "s need")} another look.", [ConsultPrompts.Cancel]) with
            {
                Attachments = [ConsultForm.Render(formId, ConsentText(), form, errors)],
            }, cancellationToken);
            return;
        }

        var reference = formId == booking.BookingId && booking.Reference is not null ? booking.Reference : ReferenceCode.New();
        var request = new ConsultRequest(formId, reference, turnContext.Activity.ChannelId ?? "", name, contact, mode, preferred, concern, time.GetUtcNow(), ConsentWording.Version)
        {
            RequesterKey = RequesterKey.For(turnContext.Activity),
            ConversationKey = RequesterKey.ForConversation(turnContext.Activity),
        };
        await CompleteAsync(turnContext, booking, request, cancellationToken);
    }
}
