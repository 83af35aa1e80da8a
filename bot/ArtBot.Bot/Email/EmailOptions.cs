using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace ArtBot.Bot.Email;

/// <summary>
/// The clinic's mail server (<c>Email:</c>), through which a person who books with an email address gets a copy of
/// their request, and the clinic gets each request at <c>Staff:Email</c>. <see cref="Host"/> empty (the default): no
/// email is sent, and the booked reply says so.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>The SMTP server's name; empty for no email.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is protected: <c>StartTls</c> (port 587), <c>SslOnConnect</c> (port 465), <c>Auto</c> (by port),
    /// or <c>None</c> (a server on the same machine or network only).
    /// </summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;

    /// <summary>The account to sign in with; empty for a server that takes mail without signing in.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender, as <c>bookings@clinic.example</c> or <c>Integra Health Centre &lt;bookings@clinic.example&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>How long one delivery may take before it is given up and tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsSet => Host.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsSet && !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Email:Host is set, but Email:From ('{From}') is not an email address: set the address the clinic's emails come from.", [nameof(From)]);
        }
        if (!IsSet && UserName.Length > 0)
        {
            yield return new ValidationResult("Email:UserName is set, but Email:Host is empty: set the mail server, or clear Email:UserName.", [nameof(Host)]);
        }
    }
}
