using ArtBot.Bot.Answering;
using PhoneNumbers;

namespace ArtBot.Bot.Consult;

/// <summary>What the booking conversation says at each step, and the buttons offered with it.</summary>
public static class ConsultPrompts
{
    public const string Cancel = "Cancel";
    public const string Confirm = "Confirm";
    public const string Change = "Change";
    public const string Skip = "Skip";
    public const string Agree = "Yes, I agree";
    public const string Disagree = "No";
    public const string BookAnother = "Book another consult";
    public const string NoThanks = "No thanks";
    public const string BackToSummary = "Back to the summary";

    public const string HowBookingWorks = "Booking here takes about a minute. Type **cancel** at any time to stop.";

    public const string FormPath = "Fill in a short form";
    public const string QuestionsPath = "Answer a few questions";

    public static readonly IReadOnlyDictionary<string, BookingStep> Changeable = new Dictionary<string, BookingStep>(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = BookingStep.Name,
        ["Contact details"] = BookingStep.Contact,
        ["Phone or online"] = BookingStep.Mode,
        ["Time of day"] = BookingStep.Time,
        ["What hurts"] = BookingStep.Concern,
    };

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The step's question and buttons; <paramref name="again"/> when it is asked again after an answer that did not fit, so it thanks no one twice.</summary>
    public static (string Text, IReadOnlyList<string> Buttons) For(BookingStep step, ConsultBooking booking, string consentText, bool again = false) => step switch
    {
        BookingStep.ConfirmRebook => ($"You already asked for a consult in this conversation (reference **{booking.StoredReference}**). Would you like to book another one?", [BookAnother, NoThanks]),
        BookingStep.ChoosePath => ("How would you like to book: a short form, or a few questions here?", [FormPath, QuestionsPath, Cancel]),
        BookingStep.Name => ("What's your name?", [Cancel]),
        BookingStep.Contact => ($"{(again ? "" : $"Thanks, {MarkdownText.Escape(booking.Name ?? "")}. ")}How can the clinic reach you? Type a phone number or an email address.", [Cancel]),
        BookingStep.Mode => ("Would you like the consult by phone call or online (video)?", ["Phone call", "Online (video)", Cancel]),
        BookingStep.Time => ("What time of day suits you best?", ["Morning", "Afternoon", "Evening", "Any time", Cancel]),
        BookingStep.Concern => ($"In a few words, what hurts? This is optional (up to {BookingAnswers.MaxConcernLength} characters): tap Skip to leave it out.", [Skip, Cancel]),
        BookingStep.Consent => ($"{consentText}\n\nDo you agree?", [Agree, Disagree, Cancel]),
        BookingStep.Summary => (Summary(booking), [Confirm, Change, Cancel]),
        BookingStep.ChooseChange => ("What would you like to change?", [.. Changeable.Keys, BackToSummary, Cancel]),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No prompt for this step."),
    };

    /// <summary>The number or address alone: "+1 647-555-0142", "jo@example.ca".</summary>
    public static string Contact(ContactDetails contact) =>
        contact.Phone is { } phone ? Phones.Format(Phones.Parse(phone, null), PhoneNumberFormat.INTERNATIONAL) : contact.Email ?? "";

    public static string Describe(ContactDetails contact) =>
        contact.Phone is { } phone ? $"phone {Phones.Format(Phones.Parse(phone, null), PhoneNumberFormat.INTERNATIONAL)}" : $"email {contact.Email}";

    public static string Describe(ConsultMode mode) => mode == ConsultMode.Online ? "online (video)" : "phone call";

    public static string Describe(PreferredTime time) => time == PreferredTime.Any ? "any time of day" : $"in the {time.ToString().ToLowerInvariant()}";

    private static string Summary(ConsultBooking booking) =>
        "Here's your request:\n\n" +
        $"- Name: {MarkdownText.Escape(booking.Name ?? "")}\n" +
        $"- Contact: {MarkdownText.Escape(Describe(booking.Contact!))}\n" +
        $"- Consult: {Describe(booking.Mode!.Value)}, {Describe(booking.Time!.Value)}\n" +
        $"- What hurts: {(booking.Concern is null ? "not given" : MarkdownText.Escape(booking.Concern))}\n\n" +
        "Shall I send it to the clinic?";
}
