namespace ArtBot.Knowledge.Content;

/// <summary>The clinic's practical facts the bot can give, by the ids the knowledge base and the channel data use.</summary>
public static class ClinicFacts
{
    public const string Hours = "hours";
    public const string Location = "location";
    public const string Phone = "phone";
    public const string BookingLink = "booking-link";
    public const string Prices = "prices";
    public const string Insurance = "insurance";
    public const string SessionLength = "session-length";

    public static IReadOnlyList<string> Ids { get; } = [Hours, Location, Phone, BookingLink, Prices, Insurance, SessionLength];

    /// <summary>Where an entry's answer puts the fact's value.</summary>
    public const string Placeholder = "{fact}";
}
