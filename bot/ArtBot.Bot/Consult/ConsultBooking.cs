using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Consult;

/// <summary>
/// The booking in progress in one conversation (conversation state). The person's answers stay here only
/// until the request is stored or cancelled; <see cref="Forget"/> removes them.
/// </summary>
public sealed class ConsultBooking
{
    public BookingStep Step { get; set; }
    public Guid BookingId { get; set; }
    public string? Reference { get; set; }
    public string? Name { get; set; }
    public ContactDetails? Contact { get; set; }
    public ConsultMode? Mode { get; set; }
    public PreferredTime? Time { get; set; }
    public string? Concern { get; set; }
    public DateTimeOffset? ConsentGivenAt { get; set; }
    public int FailedAttempts { get; set; }

    /// <summary>Set while one answer is being changed from the summary: after it, the summary is shown again.</summary>
    public bool ReturnToSummary { get; set; }

    /// <summary>A safety reply came during the booking: the next message is not an answer to the booking's question.</summary>
    public bool HeldForSafetyReply { get; set; }

    /// <summary>The id of the booking form on screen, so that once it is sent or set aside it is replaced and can't be sent again.</summary>
    public string? FormActivityId { get; set; }

    /// <summary>The reference of the request this conversation already stored, if any.</summary>
    public string? StoredReference { get; set; }

    /// <summary>
    /// Keyed hashes of the words of the name and contact given in this conversation (<see cref="Privacy.PersonalTerms"/>).
    /// Kept after the booking: "dana again, did my request arrive?" must stay out of the review file too.
    /// </summary>
    public List<string> PersonalTermHashes { get; set; } = [];

    public void RememberPersonalTerms(IEnumerable<string> hashes) => PersonalTermHashes = [.. PersonalTermHashes.Union(hashes)];

    /// <summary>
    /// The ids of the forms this conversation was shown, newest last (at most <see cref="MostFormsKept"/>): a form is
    /// taken only under one of them, so a visitor cannot file a new request by inventing ids. Kept after the booking,
    /// so a form on screen sent again finds its stored request.
    /// </summary>
    public List<Guid> FormsShown { get; set; } = [];

    public const int MostFormsKept = 10;

    public void RememberFormShown(Guid formId) => FormsShown = [.. FormsShown.Where(id => id != formId).Append(formId).TakeLast(MostFormsKept)];

    /// <summary>Every reference this conversation was given, so "forget me" finds those requests too.</summary>
    public List<string> ReferencesGiven { get; set; } = [];

    /// <summary>
    /// Whether a conversation's saved state holds a booking's name or contact: retention deletes such state after
    /// <see cref="Privacy.PrivacyOptions.UnfinishedBookingHours"/>, not the whole retention period.
    /// </summary>
    public static bool DetailsHeldIn(JObject conversationState) =>
        conversationState[nameof(ConsultBooking)] is JObject booking
        && (booking[nameof(Name)] is { Type: not JTokenType.Null } || booking[nameof(Contact)] is { Type: not JTokenType.Null });

    [JsonIgnore]
    public bool InProgress => Step != BookingStep.None;

    public void Begin()
    {
        Forget();
        BookingId = Guid.NewGuid();
        Reference = ReferenceCode.New();
        Step = BookingStep.Name;
    }

    public void Forget()
    {
        Step = BookingStep.None;
        BookingId = Guid.Empty;
        Reference = null;
        Name = null;
        Contact = null;
        Mode = null;
        Time = null;
        Concern = null;
        ConsentGivenAt = null;
        FailedAttempts = 0;
        ReturnToSummary = false;
        HeldForSafetyReply = false;
        FormActivityId = null;
    }
}
