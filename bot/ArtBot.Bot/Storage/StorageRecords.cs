namespace ArtBot.Bot.Storage;

/// <summary>One conversation's or user's bot state: a JSON document and the ETag it was last written with.</summary>
public sealed class BotStateRecord
{
    public required string Key { get; set; }
    public required string ETag { get; set; }
    public required string Document { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The document holds an unfinished booking's name or contact, which retention deletes after a day.</summary>
    public bool HoldsBookingDetails { get; set; }
}

/// <summary>A consult request as stored; <see cref="BookingId"/> and <see cref="Reference"/> are unique.</summary>
public sealed class ConsultRequestRecord
{
    public int Id { get; set; }
    public required string BookingId { get; set; }
    public required string Reference { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string ChannelId { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public required string ConsultMode { get; set; }
    public required string TimeOfDay { get; set; }
    public string? Concern { get; set; }
    public DateTime ConsentGivenAt { get; set; }
    public required string ConsentVersion { get; set; }
    public string? RequesterKey { get; set; }
    public string? ConversationKey { get; set; }
}

/// <summary>A consult request as staff work it: no personal details (those stay in <see cref="ConsultRequestRecord"/>).</summary>
public sealed class StaffTicketRecord
{
    public int Id { get; set; }
    public required string Reference { get; set; }
    public required string Status { get; set; }

    /// <summary>The staff member who holds the ticket, as Teams names them.</summary>
    public string? Holder { get; set; }

    /// <summary>Raised by every change: an action taken on a card showing an older version changes nothing.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The article topics (entry ids) the patient asked about before booking, comma-separated.</summary>
    public required string TopicsAsked { get; set; }
    public DateTime? DetailsDeletedAt { get; set; }
    public string? ThreadConversationId { get; set; }
    public string? CardActivityId { get; set; }

    /// <summary>When someone first took it (claimed it, or contacted the patient straight away).</summary>
    public DateTime? TakenAt { get; set; }

    /// <summary>When staff were told nobody had claimed it (once).</summary>
    public DateTime? UnclaimedAlertAt { get; set; }
}

/// <summary>Something the clinic sends (to the staff channel, or by email), kept until it is sent (see <see cref="Outbox.IOutbox"/>). The table keeps its first name.</summary>
public sealed class StaffOutboxRecord
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string Kind { get; set; }
    public string? Text { get; set; }
    public int Attempts { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? TakenBy { get; set; }
    public DateTime? TakenUntil { get; set; }
    public string? LastError { get; set; }
}

/// <summary>The staff channel tickets go to: one row.</summary>
/// <summary>
/// A ticket's card shown outside its thread (a personal chat, another channel) by <c>consult ART-…</c> or Open: kept
/// so the copy is updated with the thread's card, and shows "details deleted" after the patient's forget-me.
/// </summary>
public sealed class StaffCardCopyRecord
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class StaffChannelRecord
{
    public int Id { get; set; }
    public required string TeamId { get; set; }
    public required string ChannelId { get; set; }
    public required string TenantId { get; set; }
    public required string ServiceUrl { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A question the article could not answer, scrubbed of personal data, for the clinic's review.</summary>
public sealed class UnansweredQuestionRecord
{
    public long Id { get; set; }
    public DateTime AskedAt { get; set; }
    public required string ChannelId { get; set; }
    public required string Question { get; set; }
    public double Confidence { get; set; }
    public required string ConversationKey { get; set; }
}

/// <summary>A question staff taught as an intent from the <c>unanswered</c> list, waiting to be merged into the training data.</summary>
public sealed class ReviewedUtteranceRecord
{
    public long Id { get; set; }
    public required string Intent { get; set; }
    public required string Text { get; set; }
    public required string TaughtBy { get; set; }
    public DateTime TaughtAt { get; set; }

    /// <summary>
    /// The keys of the conversations that asked it, space-separated: the words are theirs, so "forget me" in any of
    /// them deletes it too.
    /// </summary>
    public string AskedIn { get; set; } = "";
}

/// <summary>How many of something happened on one day (UTC): turns by outcome, answers by topic. No message text.</summary>
public sealed class DailyCountRecord
{
    public DateTime Day { get; set; }
    public required string Metric { get; set; }
    public required string Key { get; set; }
    public long Count { get; set; }
}

/// <summary>One ASP.NET Core Data Protection key, as the XML the key manager writes.</summary>
public sealed class DataProtectionKeyRecord
{
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}

/// <summary>Who runs a piece of background work (retention, …) until <see cref="ExpiresAt"/>, when several instances share the database.</summary>
public sealed class BackgroundLeaseRecord
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>The row /readyz writes to prove the database takes writes.</summary>
public sealed class ReadinessProbeRecord
{
    public int Id { get; set; }
    public DateTime CheckedAt { get; set; }
}
