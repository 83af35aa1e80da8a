using ArtBot.Bot.Email;
using ArtBot.Bot.Staff;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class EmailServices
{
    /// <summary>
    /// Email through the clinic's mail server (<c>Email:</c>): the person's copy of their request and the clinic's at
    /// <c>Staff:Email</c>, sent from the outbox by <see cref="EmailOutboxSender"/>. With <c>Email:Host</c> empty nothing is queued.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<StaffOptions>>(
                (email, staff) => email.IsSet || staff.Value.Email.Length == 0,
                "Staff:Email is set, but Email:Host is empty: set the mail server (Email:Host, Email:From) or clear Staff:Email.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RequestEmails>();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        builder.Services.AddSingleton<EmailOutboxSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EmailOutboxSender>());
        return builder;
    }
}
