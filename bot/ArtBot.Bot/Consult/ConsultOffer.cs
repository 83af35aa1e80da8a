namespace ArtBot.Bot.Consult;

/// <summary>
/// The bot has just offered the free consult (after a question the article does not answer, a request for a personal
/// assessment, a thumbs-down), so a plain "yes" to the next message books it. Whatever makes the offer opens it in the
/// conversation's state; the booking reads it, and closes it, on the next message.
/// </summary>
public sealed class ConsultOffer
{
    public bool Open { get; set; }
}
