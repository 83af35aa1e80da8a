namespace ArtBot.Bot.Email;

/// <summary>Hands one email to the clinic's mail server; throws when the server cannot be reached or refuses it.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <param name="MessageId">
/// The same for every attempt at one outbox entry (<c>reference.kind@host</c>): an email sent again after a crash
/// between sending and recording it can be recognised as the same message.
/// </param>
/// <param name="ReplyTo">Where a reply goes: the clinic's own address (<c>Staff:Email</c>), or null for the sender.</param>
public sealed record OutgoingEmail(string To, string Subject, string Text, string MessageId, string? ReplyTo);
