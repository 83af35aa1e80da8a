namespace ArtBot.Bot.Consult;

/// <summary>The consent a person gives before their request is stored, worded from the article's own form. Stored with each request by version.</summary>
public static class ConsentWording
{
    public const string Version = "consult-consent-2026-11-v1";

    public static string Text(string clinicName) =>
        $"By sending this request you agree to be contacted by {clinicName} about appointment reminders, exercise plans, " +
        "plans of care and related services. Your email will never be sold, and you can unsubscribe at any time.";
}
