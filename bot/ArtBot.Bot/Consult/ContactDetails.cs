namespace ArtBot.Bot.Consult;

/// <summary>How the clinic reaches the person: a phone number in E.164 form, or an email address.</summary>
public sealed record ContactDetails(string? Phone, string? Email)
{
    public static ContactDetails ByPhone(string e164) => new(e164, null);
    public static ContactDetails ByEmail(string address) => new(null, address);
}
