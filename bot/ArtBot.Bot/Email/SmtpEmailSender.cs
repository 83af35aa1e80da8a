using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ArtBot.Bot.Email;

/// <summary>Sends over SMTP with MailKit, one connection per email: a clinic sends a few a day.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }
        message.Body = new TextPart("plain") { Text = email.Text };
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (settings.UserName.Length > 0)
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
