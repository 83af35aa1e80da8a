namespace ArtBot.Bot.Answering;

/// <summary>
/// What the bot says in one turn, before it becomes an activity: the text, the buttons to show after it,
/// and, for replies drawn from the knowledge base, the entry and the classifier's confidence.
/// </summary>
public sealed record Reply(ReplyKind Kind, string Text, IReadOnlyList<string> SuggestedActions)
{
    /// <summary>The knowledge base entry the reply answers with, or asks about ("did you mean").</summary>
    public string? EntryId { get; init; }

    /// <summary>
    /// What a reply drawn from no entry is about: a clinic fact (<c>hours</c>), a staff command (<c>consults</c>), a
    /// language's code, <c>not-helpful</c>. On the wire it is the same <c>id</c> an entry's would be.
    /// </summary>
    public string? Subject { get; init; }

    public double? Confidence { get; init; }

    /// <summary>For consult replies: the booking step the reply belongs to (<c>name</c>, <c>summary</c>, <c>booked</c>…).</summary>
    public string? Step { get; init; }

    /// <summary>For safety replies: the tier (<c>emergency</c>, <c>self-harm</c>, <c>urgent</c>, <c>assessment</c>).</summary>
    public string? Tier { get; init; }

    /// <summary>For a stored consult request: its reference.</summary>
    public string? Reference { get; init; }

    /// <summary>For an answer from the article: the passages it is drawn from, shown as its citation.</summary>
    public Citation? Source { get; init; }

    /// <summary>Cards shown with the text, as Adaptive Card JSON attachments.</summary>
    public IReadOnlyList<Microsoft.Bot.Schema.Attachment> Attachments { get; init; } = [];
}

/// <summary>
/// Where an answer comes from: the article (its title, and its address when known), and its passages quoted exactly
/// (as the knowledge base checks them).
/// </summary>
public sealed record Citation(string Document, IReadOnlyList<string> Passages, string? Url = null);
