namespace ArtBot.Bot.Answering;

/// <summary>What a reply is, as reported in its channel data for analytics and for the web page.</summary>
public enum ReplyKind
{
    Welcome,
    Answer,
    Clarify,
    Fallback,

    /// <summary>A practical fact about the clinic (hours, prices…) from the clinic's own settings; the id names the fact.</summary>
    Clinic,

    /// <summary>The message is in another language: a fixed reply in that language; the id is its ISO 639-1 code.</summary>
    Language,

    /// <summary>A step of the free-consult booking.</summary>
    Consult,

    /// <summary>About the person's data: "forget me".</summary>
    Privacy,

    /// <summary>A red flag's fixed message (emergency, self-harm, urgent) or the line for a personal assessment.</summary>
    Safety,

    /// <summary>Not about the question: the message could not be read (too long, no text).</summary>
    Notice,

    /// <summary>A reply to a staff command in Teams (<c>consults</c>, <c>help</c>…), or the refusal of one elsewhere; the id names the command.</summary>
    Staff,
}
