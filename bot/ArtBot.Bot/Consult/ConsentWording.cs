namespace ArtBot.Bot.Consult;

/// <summary>The consent a person gives before their request is stored, worded from the article's own form. Stored with each request by version.</summary>
public static class ConsentWording
{
    public const string Version = "consult-consent-2026-11-v2";

    /// <summary>The consent, naming the contact the person gave (their phone number or their email), or either before they gave one (the form).</summary>
    public static string Text(string clinicName, ContactDetails? contact = null) =>
        $"By sending this request you agree to be contacted by {clinicName} about appointment reminders, exercise plans, " +
        $"plans of care and related services. {Given(contact)} will never be sold, and you can unsubscribe at any time.";

    private static string Given(ContactDetails? contact) => contact switch
    {
        { Phone: not null } => "Your phone number",
        { Email: not null } => "Your email address",
        _ => "Your phone number or email address",
    };
}
