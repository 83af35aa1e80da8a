namespace ArtBot.Bot.Consult;

/// <summary>
/// The booking's questions that ask for a detail, in order: how each answer is read, where it is kept, and which
/// question follows. The conversation asks them one by one; the form asks them all at once and reads its fields with
/// the same table, so both accept and refuse the same answers.
/// </summary>
public static class BookingQuestions
{
    public static readonly IReadOnlyList<BookingQuestion> All =
    [
        Question<string>(BookingStep.Name, "name", form => form.Name, BookingAnswers.TryReadName, (booking, name) => booking.Name = name, _ => BookingStep.Contact),
        new BookingQuestion(BookingStep.Contact, "contact", form => form.Contact, (booking, answer, region) =>
        {
            if (!BookingAnswers.TryReadContact(answer, region, out var contact, out var problem))
            {
                return problem;
            }
            booking.Contact = contact;
            return null;
        }, _ => BookingStep.Mode),
        Question<ConsultMode>(BookingStep.Mode, "mode", form => form.Mode, BookingAnswers.TryReadMode, (booking, mode) => booking.Mode = mode, _ => BookingStep.Time),
        Question<PreferredTime>(BookingStep.Time, "time", form => form.Time, BookingAnswers.TryReadTime, (booking, time) => booking.Time = time, _ => BookingStep.Concern),
        Question<string?>(BookingStep.Concern, "concern", form => form.Concern, BookingAnswers.TryReadConcern, (booking, concern) => booking.Concern = concern,
            booking => booking.ConsentGivenAt is null ? BookingStep.Consent : BookingStep.Summary),
    ];

    /// <summary>The question asked at <paramref name="step"/>, or null when that step is a choice rather than a detail.</summary>
    public static BookingQuestion? At(BookingStep step) => All.FirstOrDefault(question => question.Step == step);

    private delegate bool TryRead<T>(string answer, out T value, out string problem);

    private static BookingQuestion Question<T>(BookingStep step, string formField, Func<ConsultFormSubmission, string> fromForm, TryRead<T> read, Action<ConsultBooking, T> keep, Func<ConsultBooking, BookingStep> next) =>
        new(step, formField, fromForm, (booking, answer, _) =>
        {
            if (!read(answer, out var value, out var problem))
            {
                return problem;
            }
            keep(booking, value);
            return null;
        }, next);
}

/// <summary>One question of <see cref="BookingQuestions"/>.</summary>
/// <param name="FormField">The form's field for it, where its problem is shown.</param>
/// <param name="Apply">Reads the answer and keeps it in the booking; returns why it can't (and keeps nothing), or null.</param>
/// <param name="Next">The question that follows it.</param>
public sealed record BookingQuestion(
    BookingStep Step,
    string FormField,
    Func<ConsultFormSubmission, string> FromForm,
    Func<ConsultBooking, string, string, string?> Apply,
    Func<ConsultBooking, BookingStep> Next);
