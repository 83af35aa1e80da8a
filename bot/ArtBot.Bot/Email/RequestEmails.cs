using ArtBot.Bot.Clinic;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Outbox;
using ArtBot.Bot.Staff;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ArtBot.Bot.Email;

/// <summary>
/// The emails a stored consult request sends, and their text: the person's copy when they gave an email address, and
/// the clinic's at <c>Staff:Email</c>; none while <c>Email:Host</c> is empty. They are written when sent, from the
/// request as stored: a request deleted meanwhile ("forget me", retention) sends nothing. It reads the settings only
/// when it writes an email: it is built with the services that start before the settings are checked, and a bad setting
/// must be reported with all the others.
/// </summary>
public sealed class RequestEmails(
    IOptions<EmailOptions> email, IOptions<StaffOptions> staff, IOptions<ClinicOptions> clinic, ArtBot.Knowledge.Content.KnowledgeBase knowledgeBase)
{
    /// <summary>The outbox entries a new request adds.</summary>
    public IReadOnlyList<OutboxKind> For(ConsultRequest request) =>
    [
        .. email.Value.IsSet && request.Contact.Email is not null ? [OutboxKind.ConfirmationEmail] : Array.Empty<OutboxKind>(),
        .. email.Value.IsSet && staff.Value.Email.Length > 0 ? [OutboxKind.StaffEmail] : Array.Empty<OutboxKind>(),
    ];

    /// <summary>The email for an outbox entry about a ticket whose details are kept; null when it can no longer be sent (the mail server or the clinic's address was removed from the settings since).</summary>
    public OutgoingEmail? Compose(OutboxKind kind, StaffTicket ticket)
    {
        var stored = ticket.Request ?? throw new ArgumentException("The request's details were deleted.", nameof(ticket));
        if (!email.Value.IsSet)
        {
            return null;
        }
        var clinicStaffEmail = staff.Value.Email.Length > 0 ? staff.Value.Email : null;
        var messageId = $"{stored.Reference}.{kind.ToString().ToLowerInvariant()}@{MailboxAddress.Parse(email.Value.From).Domain}";
        return kind switch
        {
            OutboxKind.ConfirmationEmail when stored.Request.Contact.Email is { } address =>
                new OutgoingEmail(address, $"Your free consult request {stored.Reference}: {clinic.Value.Name}", Copy(stored, clinicStaffEmail), messageId, clinicStaffEmail),
            OutboxKind.StaffEmail when clinicStaffEmail is not null =>
                new OutgoingEmail(clinicStaffEmail, $"New free consult request {stored.Reference}", ForStaff(stored, ticket.TopicsAsked), messageId, null),
            _ => null,
        };
    }

    private string Copy(StoredConsultRequest stored, string? clinicStaffEmail)
    {
        var request = stored.Request;
        var settings = clinic.Value;
        var by = settings.ReplyWithinBusinessHours > 0 && OpeningHours.Of(settings, staff.Value).AfterBusinessHours(stored.CreatedAt, settings.ReplyWithinBusinessHours, dated: true) is { } when
            ? $" by {when}"
            : "";
        var reach = request.Contact.Phone is not null ? "call you" : "email you";
        var ways = new List<string>();
        if (clinicStaffEmail is not null)
        {
            ways.Add("reply to this email");
        }
        if (settings.PhoneNumber.Length > 0)
        {
            ways.Add($"call the clinic at {settings.PhoneNumber}");
        }
        ways.Add("type \"forget me\" in the chat on the clinic's website where you booked, which deletes your request");
        return $"""
            Hello {request.Name},

            Thank you for asking {settings.Name} for a free consult. Your request has reached the clinic. Your reference is {stored.Reference}.

            What you sent:
            {Details(request)}

            What happens next: the clinic will {reach}{by} to arrange your free consult. There's no obligation.

            To cancel, {JoinWithOr(ways)}. Please quote your reference.

            If you feel unwell or your symptoms get worse suddenly, don't wait for the clinic: call 911 in an emergency.

            This email was sent by ArtBot, {settings.Name}'s automated assistant, because this address was given in a consult request.
            """;
    }

    private string ForStaff(StoredConsultRequest stored, IReadOnlyList<string> topicsAsked)
    {
        var local = TimeZoneInfo.ConvertTime(stored.CreatedAt, staff.Value.ClinicTimeZone());
        var topics = topicsAsked.Count > 0 ? string.Join(", ", topicsAsked.Select(knowledgeBase.TitleOf)) : "none";
        return $"""
            A new free consult request came in through ArtBot on {local:dddd d MMMM yyyy 'at' H:mm} ({staff.Value.TimeZone}).

            Reference: {stored.Reference}
            {Details(stored.Request)}
            Article topics asked about first: {topics}
            Asked from: {stored.Request.ChannelId}

            Please contact the person{(staff.Value.TenantId.Length > 0 ? ", and claim the request in the staff channel in Teams so nobody else calls too" : "")}.
            """;
    }

    private static string Details(ConsultRequest request) => $"""
        Name: {request.Name}
        Contact: {ConsultPrompts.Describe(request.Contact)}
        Consult: {ConsultPrompts.Describe(request.Mode)}, {ConsultPrompts.Describe(request.Time)}
        What hurts: {request.Concern ?? "not given"}
        """;

    private static string JoinWithOr(IReadOnlyList<string> ways) =>
        ways.Count == 1 ? ways[0] : $"{string.Join(", ", ways.Take(ways.Count - 1))} or {ways[^1]}";
}
