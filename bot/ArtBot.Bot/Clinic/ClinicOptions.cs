namespace ArtBot.Bot.Consult;

public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    /// <summary>Named in the consent wording, as on the article's own form.</summary>
    public string Name { get; set; } = "Integra Health Centre";

    /// <summary>Given to people when their request could not be saved; leave empty until the clinic's real number is known.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary>Where phone numbers without a country code are assumed to be (ISO 3166 code).</summary>
    public string DefaultPhoneRegion { get; set; } = "CA";
}
