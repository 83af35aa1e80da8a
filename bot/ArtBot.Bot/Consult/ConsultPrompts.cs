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

    public const string FormOffer = "You can fill in this form, or simply answer my questions here.";

    public static readonly IReadOnlyDictionary<string, BookingStep> Changeable = new Dictionary<string, BookingStep>(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = BookingStep.Name,
        ["Contact details"] = BookingStep.Contact,
        ["Phone or online"] = BookingStep.Mode,
        ["Time of day"] = BookingStep.Time,
        ["What hurts"] = BookingStep.Concern,
    };

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static (string Text, IReadOnlyList<string> Buttons) For(BookingStep step, ConsultBooking booking, string consentText) => step switch
    {
        BookingStep.ConfirmRebook => ($"You already asked for a consult in this conversation (reference **{booking.StoredReference}**). Would you like to book another one?", [BookAnother, NoThanks]),
        BookingStep.Name => ("What's your name?", [Cancel]),
        BookingStep.Contact => ($"Thanks, {MarkdownText.Escape(booking.Name ?? "")}. How can the clinic reach you? Type a phone number or an email address.", [Cancel]),
        BookingStep.Mode => ("Would you like the consult by phone call or online (video)?", ["Phone call", "Online (video)", Cancel]),
        BookingStep.Time => ("What time of day suits you best?", ["Morning", "Afternoon", "Evening", "Any time"]),
        BookingStep.Concern => ($"In a few words, what hurts? This is optional (up to {BookingAnswers.MaxConcernLength} characters): tap Skip to leave it out.", [Skip]),
        BookingStep.Consent => ($"{consentText}\n\nDo you agree?", [Agree, Disagree]),
        BookingStep.Summary => (Summary(booking), [Confirm, Change, Cancel]),
        BookingStep.ChooseChange => ("What would you like to change?", [.. Changeable.Keys, BackToSummary]),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No prompt for this step."),
    };

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
