using ArtBot.Bot.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Consult;

/// <summary>
/// The same booking sent as one Adaptive Card form. One form is live at a time: once it is sent, or the person
/// cancels or answers the questions instead, it is replaced on screen (by what was sent, or a line saying why it closed),
/// so no stale copy can be sent later.
/// </summary>
public sealed partial class ConsultFlow
{
    /// <summary>
    /// The form, alone: its fields are the questions, so none is asked beside it. It replaces any form on screen, and
    /// its id (the booking's) is remembered: only a form this conversation was shown is taken.
    /// </summary>
    private async Task ShowFormAsync(
        ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken,
        string text = "Here's the form. Send it when you're ready, or answer the questions here instead.", ConsultFormSubmission? values = null)
    {
        await CloseFormAsync(turnContext, booking, "_This form was replaced by the one below._", cancellationToken);
        booking.RememberFormShown(booking.BookingId);
        await SendFormAsync(turnContext, booking, text, [ConsultPrompts.QuestionsPath, ConsultPrompts.Cancel],
            ConsultForm.Render(booking.BookingId, ConsentText(), values), cancellationToken);
    }

    /// <summary>
    /// Sends a form under an id the bot gives it and remembers it: channels that keep the bot's ids (its own Direct
    /// Line) can then replace the form by this id; Teams names the form in the reply to it.
    /// </summary>
    private async Task SendFormAsync(ITurnContext turnContext, ConsultBooking booking, string text, IReadOnlyList<string> buttons, Attachment form, CancellationToken cancellationToken)
    {
        var activity = ReplyActivities.ToActivity(BookingReply("form", text, buttons) with { Attachments = [form] }, turnContext.Activity.ChannelId);
        activity.Id = booking.FormActivityId = ConsultForm.NewActivityId();
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    private async Task SubmitFormAsync(ITurnContext turnContext, ConsultBooking booking, ConsultFormSubmission form, CancellationToken cancellationToken)
    {
        if (form.FormId is not { } formId || !booking.FormsShown.Contains(formId))
        {
            await OfferUnknownFormAgainAsync(turnContext, booking, form, cancellationToken);
            return;
        }
        var answers = new ConsultBooking();
        var errors = new Dictionary<string, string>();
        foreach (var question in BookingQuestions.All)
        {
            if (question.Apply(answers, question.FromForm(form), _clinic.DefaultPhoneRegion) is { } problem)
            {
                errors[question.FormField] = problem;
            }
        }
        if (!form.Consent)
        {
            errors["consent"] = "Please tick this box: without your consent the clinic can't contact you, and nothing is stored.";
        }
        if (errors.Count > 0)
        {
            await AskToCheckFormAsync(turnContext, booking, form, formId, errors, cancellationToken);
            return;
        }

        var reference = formId == booking.BookingId && booking.Reference is not null ? booking.Reference : ReferenceCode.New();
        var request = Request(turnContext, answers, formId, reference, consentGivenAt: time.GetUtcNow());
        var shownForm = FormOnScreen(turnContext, booking);
        if (await CompleteAsync(turnContext, booking, request, cancellationToken))
        {
            await ReplaceFormAsync(turnContext, shownForm, BookingReply("form-sent", "", []) with { Attachments = [ConsultForm.Sent(request)] }, cancellationToken);
        }
    }

    /// <summary>
    /// A form this chat was never shown (an id made up, or from another chat): nothing is stored, and what was typed
    /// comes back in a form of this booking, to check and send.
    /// </summary>
    private async Task OfferUnknownFormAgainAsync(ITurnContext turnContext, ConsultBooking booking, ConsultFormSubmission form, CancellationToken cancellationToken)
    {
        LogUnknownForm(logger, turnContext.Activity.ChannelId);
        if (!booking.InProgress)
        {
            booking.Begin();
            booking.Step = BookingStep.ChoosePath;
        }
        await ShowFormAsync(turnContext, booking, cancellationToken, UnknownForm, form);
    }

    public const string UnknownForm = "I couldn't match that form to this chat, so nothing was sent yet. Here it is again with what you typed: please check it and send it.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A booking form on {Channel} named a form id this conversation was never shown; nothing was stored")]
    private static partial void LogUnknownForm(ILogger logger, string? channel);

    /// <summary>The same form again with each problem under its field: in place of the one sent where the channel allows, else below.</summary>
    private async Task AskToCheckFormAsync(ITurnContext turnContext, ConsultBooking booking, ConsultFormSubmission form, Guid formId, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var fields = $"{errors.Count} field{(errors.Count == 1 ? " needs" : "s need")} another look";
        var corrected = ConsultForm.Render(formId, ConsentText(), form, errors);
        if (await ReplaceFormAsync(turnContext, FormOnScreen(turnContext, booking), BookingReply("form", "", []) with { Attachments = [corrected] }, cancellationToken))
        {
            await SendAsync(turnContext, BookingReply("form", $"Please check the form above: {fields}.", [ConsultPrompts.Cancel]), cancellationToken);
            return;
        }
        await SendFormAsync(turnContext, booking, $"Please check the form: {fields}.", [ConsultPrompts.Cancel], corrected, cancellationToken);
    }

    /// <summary>Closes the form on screen, if there is one, with a line saying why; the booking goes on (or ends) without it.</summary>
    private async Task CloseFormAsync(ITurnContext turnContext, ConsultBooking booking, string why, CancellationToken cancellationToken)
    {
        if (booking.FormActivityId is { } shown)
        {
            booking.FormActivityId = null;
            await ReplaceFormAsync(turnContext, shown, BookingReply("form-closed", why, []), cancellationToken);
        }
    }

    /// <summary>The form this turn sent: Teams names it in the reply to it; the bot's own Direct Line kept the id the bot gave it.</summary>
    private static string? FormOnScreen(ITurnContext turnContext, ConsultBooking booking) =>
        turnContext.Activity.ReplyToId is { Length: > 0 } repliedTo ? repliedTo : booking.FormActivityId;

    /// <summary>Replaces the form; returns false where the channel can't (Azure Direct Line updates nothing), leaving it as it was.</summary>
    private async Task<bool> ReplaceFormAsync(ITurnContext turnContext, string? formActivityId, Reply replacement, CancellationToken cancellationToken)
    {
        if (formActivityId is null)
        {
            return false;
        }
        var activity = ReplyActivities.ToActivity(replacement, turnContext.Activity.ChannelId);
        activity.Id = formActivityId;
        try
        {
            await turnContext.UpdateActivityAsync(activity, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFormNotReplaced(logger, exception, turnContext.Activity.ChannelId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The booking form on {Channel} could not be replaced; it stays on screen, and sending it again stores nothing twice")]
    private static partial void LogFormNotReplaced(ILogger logger, Exception exception, string? channel);
}
