namespace ArtBot.Bot.Consult;

/// <summary>
/// A request for the free consult, as the person confirmed it. <see cref="BookingId"/> is fixed when the booking
/// starts (and the form is shown with it), so storing the same booking twice (a re-sent activity, a double click,
/// the form after the conversation) keeps one row. <see cref="Reference"/> is the one proposed; the store may draw another.
/// </summary>
public sealed record ConsultRequest(
    Guid BookingId,
    string Reference,
    string ChannelId,
    string Name,
    ContactDetails Contact,
    ConsultMode Mode,
    PreferredTime Time,
    string? Concern,
    DateTimeOffset ConsentGivenAt,
    string ConsentVersion)
{
    /// <summary>Who asked, as a one-way hash of channel and user id: enough for "forget me" to find their requests, and no more.</summary>
    public string? RequesterKey { get; init; }

    /// <summary>The conversation it was made in, hashed likewise: "forget me" finds it even when the visitor's id has changed.</summary>
    public string? ConversationKey { get; init; }

    /// <summary>The article topics (entry ids, never the person's words) asked about before booking, for the staff ticket.</summary>
    public IReadOnlyList<string> TopicsAsked { get; init; } = [];
}
