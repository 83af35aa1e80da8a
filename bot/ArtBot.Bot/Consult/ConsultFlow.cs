using ArtBot.Bot.Clinic;
using System.Text.RegularExpressions;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Bots;
using ArtBot.Bot.Privacy;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Consult;

/// <summary>
/// Hands a person over to the clinic: the free-consult booking, one question a turn, kept in conversation state
/// (so a restart resumes it), or the same booking as one form on channels that show cards.
/// </summary>
public sealed partial class ConsultFlow(
    Turns.ConversationMemory memory,
    QuestionAnswerer answerer,
    KnowledgeBase knowledgeBase,
    IConsultRequestStore store,
    ConsultRequestQuota quota,
    IOptions<ClinicOptions> clinicOptions,
    OpeningHours openingHours,
    PersonalTerms personalTerms,
    TimeProvider time,
    ILogger<ConsultFlow> logger)
{
    private const int AttemptsBeforeOfferingToCancel = 3;

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    private string ConsentText(ConsultBooking? booking = null) => ConsentWording.Text(_clinic.Name, booking?.Contact);

    /// <summary>Every way in ("Book a free consult", "book me in", a yes to the offer) starts here.</summary>
    public async Task StartAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var booking = await BookingAsync(turnContext, cancellationToken);
        if (booking.StoredReference is not null)
        {
            booking.Forget();
            booking.Step = BookingStep.ConfirmRebook;
            await PromptAsync(turnContext, booking, cancellationToken);
            return;
        }
        await BeginAsync(turnContext, booking, cancellationToken);
    }

    /// <summary>
    /// A red flag came in the middle of the booking: the booking is kept, and the next message, whatever it says, is
    /// not taken as the answer to the booking's question. Returns whether a booking was in progress.
    /// </summary>
    public async Task<bool> HoldForSafetyReplyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var booking = await BookingAsync(turnContext, cancellationToken);
        booking.HeldForSafetyReply = booking.InProgress;
        return booking.InProgress;
    }

    /// <summary>What this conversation keeps that points to the person: hashes of their name and contact, and the references it gave.</summary>
    public async Task<(IReadOnlyCollection<string> PersonalTermHashes, IReadOnlyList<string> References)> PersonalTermsAndReferencesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var booking = await BookingAsync(turnContext, cancellationToken);
        return (booking.PersonalTermHashes, booking.ReferencesGiven);
    }

    /// <summary>
    /// "Start over": a booking in progress is set aside (its form closed, nothing sent, its answers forgotten) and the
    /// offer of a consult withdrawn. Returns whether a booking was in progress.
    /// </summary>
    public async Task<bool> SetAsideAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var booking = await BookingAsync(turnContext, cancellationToken);
        (await memory.GetAsync<ConsultOffer>(turnContext, cancellationToken)).Open = false;
        if (!booking.InProgress)
        {
            return false;
        }
        await CloseFormAsync(turnContext, booking, "_This form was closed: you started over and nothing was sent._", cancellationToken);
        booking.Forget();
        return true;
    }

    /// <summary>Handles the message if it belongs to the booking (a step's answer, cancel, the form, a yes to the offer).</summary>
    /// <param name="message">The turn's message and its one encoding, which a question asked mid-booking is answered from.</param>
    /// <param name="form">The booking form, when the message is one sent (read once per turn, by <see cref="Turns.MessageTurn"/>).</param>
    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, SentenceEncoding message, ConsultFormSubmission? form, CancellationToken cancellationToken)
    {
        var text = message.Text;
        var booking = await BookingAsync(turnContext, cancellationToken);
        var offer = await memory.GetAsync<ConsultOffer>(turnContext, cancellationToken);
        var offered = offer.Open;
        offer.Open = false;

        if (form is not null)
        {
            await SubmitFormAsync(turnContext, booking, form, cancellationToken);
            return true;
        }
        if (!booking.InProgress)
        {
            if (offered && BookingAnswers.IsYes(text))
            {
                await StartAsync(turnContext, cancellationToken);
                return true;
            }
            if (booking.StoredReference is not null && string.Equals(text, ConsultPrompts.Confirm, StringComparison.OrdinalIgnoreCase))
            {
                // A second click on Confirm, or the channel sending the same activity again.
                await SendAsync(turnContext, BookingReply(BookingMilestones.AlreadyBooked, $"Your request is already with the clinic: your reference is **{booking.StoredReference}**.", []) with { Reference = booking.StoredReference }, cancellationToken);
                return true;
            }
            return false;
        }
        if (booking.HeldForSafetyReply)
        {
            booking.HeldForSafetyReply = false;
            await (BookingAnswers.IsCancel(text) ? CancelAsync(turnContext, booking, cancellationToken) : ResumeAfterSafetyReplyAsync(turnContext, booking, cancellationToken));
            return true;
        }
        if (BookingAnswers.IsCancel(text) || (string.Equals(text, ConsultPrompts.NoThanks, StringComparison.OrdinalIgnoreCase) && booking.Step == BookingStep.ConfirmRebook))
        {
            await CancelAsync(turnContext, booking, cancellationToken);
            return true;
        }
        await ContinueAsync(turnContext, booking, message, cancellationToken);
        return true;
    }

    /// <summary>
    /// What the consult is, in a sentence from the article, then one path at a time: where the channel shows cards,
    /// the person chooses the form or the questions; elsewhere the questions start at once.
    /// </summary>
    private async Task BeginAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        await CloseFormAsync(turnContext, booking, "_This form was closed: a new booking started below._", cancellationToken);
        booking.Begin();
        var whatItIs = knowledgeBase.ConsultEntry.Answer.Split('\n')[0] + " There's no obligation.";
        if (ConsultForm.IsShownOn(turnContext.Activity.ChannelId))
        {
            booking.Step = BookingStep.ChoosePath;
            var (choice, buttons) = ConsultPrompts.For(BookingStep.ChoosePath, booking, ConsentText(booking));
            await SendAsync(turnContext, BookingReply(BookingMilestones.Started, $"{whatItIs}\n\n{choice}", buttons), cancellationToken);
            return;
        }
        await SendAsync(turnContext, BookingReply(BookingMilestones.Started, $"{whatItIs}\n\n{ConsultPrompts.HowBookingWorks}", []), cancellationToken);
        await PromptAsync(turnContext, booking, cancellationToken);
    }

    private async Task ContinueAsync(ITurnContext turnContext, ConsultBooking booking, SentenceEncoding message, CancellationToken cancellationToken)
    {
        var text = message.Text;
        // Name and "what hurts" accept almost any words, so a question there is recognised before it is taken as the answer.
        if (booking.Step is BookingStep.Name or BookingStep.Concern && LooksLikeQuestion(text) && await TryAnswerQuestionAsync(turnContext, booking, message, cancellationToken))
        {
            return;
        }
        var problem = await TryApplyAnswerAsync(turnContext, booking, text, cancellationToken);
        if (problem is null || await TryAnswerQuestionAsync(turnContext, booking, message, cancellationToken))
        {
            return;
        }
        await RejectAsync(turnContext, booking, problem, cancellationToken);
    }

    /// <summary>The booking's question again (or, with the form on screen, a pointer to it) after a safety reply.</summary>
    private Task ResumeAfterSafetyReplyAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        if (booking.FormActivityId is not null)
        {
            return SendAsync(turnContext, BookingReply(StepName(booking.Step), "Back to your booking: the form is above. Fill it in and send it when you're ready.", [ConsultPrompts.Cancel]), cancellationToken);
        }
        var (prompt, buttons) = ConsultPrompts.For(booking.Step, booking, ConsentText(booking), again: true);
        return SendAsync(turnContext, BookingReply(StepName(booking.Step), "Back to your booking. " + prompt, buttons), cancellationToken);
    }

    private async Task AdvanceAsync(ITurnContext turnContext, ConsultBooking booking, BookingStep next, CancellationToken cancellationToken)
    {
        booking.FailedAttempts = 0;
        if (booking.ReturnToSummary && next != BookingStep.ChooseChange && booking.Step != BookingStep.ChooseChange)
        {
            booking.ReturnToSummary = false;
            next = BookingStep.Summary;
        }
        booking.Step = next;
        await PromptAsync(turnContext, booking, cancellationToken);
    }

    private async Task RejectAsync(ITurnContext turnContext, ConsultBooking booking, string problem, CancellationToken cancellationToken)
    {
        booking.FailedAttempts++;
        var (prompt, buttons) = ConsultPrompts.For(booking.Step, booking, ConsentText(booking), again: true);
        var text = $"{problem}\n\n{prompt}";
        if (booking.FailedAttempts >= AttemptsBeforeOfferingToCancel)
        {
            text += "\n\nIf you'd rather stop, tap **Cancel**: nothing will be saved." + CallTheClinic(" You can also call the clinic at {0}.");
            buttons = buttons.Contains(ConsultPrompts.Cancel) ? buttons : [.. buttons, ConsultPrompts.Cancel];
        }
        await SendAsync(turnContext, BookingReply(StepName(booking.Step), text, buttons), cancellationToken);
    }

    /// <summary>A question about ART in the middle of the booking gets its answer, then the same step is asked again.</summary>
    private async Task<bool> TryAnswerQuestionAsync(ITurnContext turnContext, ConsultBooking booking, SentenceEncoding message, CancellationToken cancellationToken)
    {
        var reply = answerer.Answer(message);
        // An article topic, or a clinic fact (prices, hours, talking to a person): answered, then the same question again.
        var answered = reply.Kind == ReplyKind.Clinic
            || (reply.Kind == ReplyKind.Answer && reply.EntryId is { } entry && entry != KnowledgeBase.ConsultEntryId && knowledgeBase[entry].IsArticleTopic);
        if (!answered)
        {
            return false;
        }
        await SendAsync(turnContext, reply with { SuggestedActions = [] }, cancellationToken);
        var (prompt, buttons) = ConsultPrompts.For(booking.Step, booking, ConsentText(booking));
        await SendAsync(turnContext, BookingReply(StepName(booking.Step), "Now, back to your booking. " + prompt, buttons), cancellationToken);
        return true;
    }

    private async Task StoreAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        await CompleteAsync(turnContext, booking, Request(turnContext, booking, booking.BookingId, booking.Reference!, booking.ConsentGivenAt!.Value), cancellationToken);
    }

    private async Task CancelAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        await CloseFormAsync(turnContext, booking, "_This form was closed: the booking was cancelled and nothing was sent._", cancellationToken);
        booking.Forget();
        await SendAsync(turnContext, BookingReply(BookingMilestones.Cancelled, "Okay, I've cancelled the booking. Nothing was saved.\n\nYou can still ask me anything about Active Release Therapy.", answerer.WelcomeButtons), cancellationToken);
    }

    private async Task DeclineAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        booking.Forget();
        await SendAsync(turnContext, BookingReply("declined",
            "No problem. Without your consent I can't pass your details to the clinic, so nothing was saved." +
            CallTheClinic(" You can call the clinic at {0} whenever you like.") + "\n\nYou can still ask me anything about Active Release Therapy.",
            answerer.WelcomeButtons), cancellationToken);
    }

    private Task PromptAsync(ITurnContext turnContext, ConsultBooking booking, CancellationToken cancellationToken)
    {
        var (text, buttons) = ConsultPrompts.For(booking.Step, booking, ConsentText(booking));
        return SendAsync(turnContext, BookingReply(StepName(booking.Step), text, buttons), cancellationToken);
    }

    private string CallTheClinic(string withNumber, string withoutNumber = "") =>
        _clinic.PhoneLink(withHours: true) is { } phone ? string.Format(System.Globalization.CultureInfo.InvariantCulture, withNumber, phone) : withoutNumber;

    private Task<ConsultBooking> BookingAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        memory.GetAsync<ConsultBooking>(turnContext, cancellationToken);

    /// <summary>A reply of the booking, naming its step (<c>channelData.artbot.step</c>).</summary>
    private static Reply BookingReply(string step, string text, IReadOnlyList<string> buttons) => new(ReplyKind.Consult, text, buttons) { Step = step };

    private static Task SendAsync(ITurnContext turnContext, Reply reply, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ReplyActivities.ToActivity(reply, turnContext.Activity.ChannelId), cancellationToken);

    private static string StepName(BookingStep step) => step switch
    {
        BookingStep.ConfirmRebook => "rebook",
        BookingStep.ChooseChange => "change",
        _ => step.ToString().ToLowerInvariant(),
    };

    private static bool LooksLikeQuestion(string text) => text.TrimEnd().EndsWith('?') || QuestionStart().IsMatch(text);

    [GeneratedRegex(@"^\s*(what|whats|what's|how|does|do|is|are|can|could|will|would|should|why|when|where|which|who)\s+\S+\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [LoggerMessage(Level = LogLevel.Information, Message = "Consult request {Reference} stored from {Channel} (new: {IsNew})")]
    private static partial void LogStored(ILogger logger, string reference, string? channel, bool isNew);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consult request {Reference} could not be stored")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A consult request on {Channel} was refused: its client has sent the most allowed in an hour")]
    private static partial void LogOverQuota(ILogger logger, string? channel);
}
