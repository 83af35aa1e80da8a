using System.ComponentModel.DataAnnotations;
using ArtBot.Knowledge.Content;
using PhoneNumbers;

namespace ArtBot.Bot.Clinic;

/// <summary>
/// The clinic's own facts, edited by the clinic in its settings (<c>Clinic:</c>). The bot gives them as written and
/// never invents one: a fact left empty is answered with "I don't have that" and the phone number or the consult.
/// </summary>
public sealed class ClinicOptions : IValidatableObject
{
    public const string Section = "Clinic";

    public const string PhoneNeededLive =
        "Clinic:PhoneNumber is empty, and authentication is on (a live deployment): safety replies and bookings give patients the clinic's number to call. Set Clinic:PhoneNumber.";

    /// <summary>Named in the consent wording, as on the article's own form.</summary>
    public string Name { get; set; } = "Integra Health Centre";

    /// <summary>Given to people when their request could not be saved, for urgent signs, and when asked; leave empty until the clinic's real number is known.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary>Where phone numbers without a country code are assumed to be (ISO 3166 code).</summary>
    public string DefaultPhoneRegion { get; set; } = "CA";

    /// <summary>Opening hours, as the clinic wants them said ("Mon–Fri 8am–7pm, Sat 9am–1pm"); empty: said from <see cref="OpeningHours"/>.</summary>
    public string Hours { get; set; } = "";

    /// <summary>
    /// The hours per weekday (<c>Monday</c> = <c>08:00-19:00</c>; a day left out is closed), in <c>Staff:TimeZone</c>:
    /// whether the clinic is open now is said with its number, and when it will reply with a booking.
    /// </summary>
    public Dictionary<string, string> OpeningHours { get; set; } = [];

    /// <summary>Within how many business hours (<see cref="OpeningHours"/>) the clinic replies to a request, said when one is sent; 0: not said.</summary>
    [Range(0, 24 * 7)]
    public int ReplyWithinBusinessHours { get; set; }

    /// <summary>Street address, and parking or transit if the clinic wants them mentioned.</summary>
    public string Address { get; set; } = "";

    /// <summary>The clinic's own online booking page (https).</summary>
    public string BookingUrl { get; set; } = "";

    public string Prices { get; set; } = "";

    /// <summary>Insurance, benefits and direct billing.</summary>
    public string Insurance { get; set; } = "";

    public string SessionLength { get; set; } = "";

    /// <summary>The value of a fact by its id (<see cref="ClinicFacts"/>), or null when the clinic has not filled it in.</summary>
    public string? Fact(string id)
    {
        var value = id switch
        {
            ClinicFacts.Hours => Hours,
            ClinicFacts.Location => Address,
            ClinicFacts.Phone => PhoneNumber,
            ClinicFacts.BookingLink => BookingUrl,
            ClinicFacts.Prices => Prices,
            ClinicFacts.Insurance => Insurance,
            ClinicFacts.SessionLength => SessionLength,
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a clinic fact"),
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// The clinic's number as a link a phone can tap (<c>[+1 416-555-0100](tel:+14165550100)</c>), with the hours
    /// when they are set; null when the clinic has not given a number.
    /// </summary>
    public string? PhoneLink(bool withHours = false)
    {
        if (Fact(ClinicFacts.Phone) is not { } phone)
        {
            return null;
        }
        var link = $"[{phone}](tel:{Dialable(phone)})";
        return withHours && Fact(ClinicFacts.Hours) is { } hours ? $"{link} ({hours})" : link;
    }

    private string Dialable(string phone)
    {
        try
        {
            var phones = PhoneNumberUtil.GetInstance();
            return phones.Format(phones.Parse(phone, DefaultPhoneRegion), PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return new string([.. phone.Where(character => char.IsAsciiDigit(character) || character == '+')]);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BookingUrl.Length > 0 && !(Uri.TryCreate(BookingUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Clinic:BookingUrl must be an https address, not '{BookingUrl}'.", [nameof(BookingUrl)]);
        }
        foreach (var problem in Clinic.OpeningHours.Problems(OpeningHours))
        {
            yield return new ValidationResult(problem, [nameof(OpeningHours)]);
        }
        if (ReplyWithinBusinessHours > 0 && OpeningHours.Count == 0)
        {
            yield return new ValidationResult("Clinic:ReplyWithinBusinessHours is set but Clinic:OpeningHours is empty: the reply time is counted in opening hours.", [nameof(ReplyWithinBusinessHours)]);
        }
        foreach (var (name, value) in new[] { (nameof(Hours), Hours), (nameof(Address), Address), (nameof(Prices), Prices), (nameof(Insurance), Insurance), (nameof(SessionLength), SessionLength) })
        {
            if (value.Length > 500)
            {
                yield return new ValidationResult($"Clinic:{name} is {value.Length} characters; keep it under 500 so it fits the chat.", [name]);
            }
        }
    }
}
