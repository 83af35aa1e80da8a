using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Clinic;

/// <summary>
/// Says once at start-up when the clinic's phone number is not set: "contact the clinic today" then gives no number.
/// (With authentication on, a live deployment, the settings' validation refuses to start instead.)
/// </summary>
public sealed partial class MissingPhoneWarning(IOptions<ClinicOptions> clinic, ILogger<MissingPhoneWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (clinic.Value.PhoneLink() is null)
        {
            LogNoPhone(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic:PhoneNumber is empty: safety replies will tell patients to contact the clinic without giving a number. Set it before going live.")]
    private static partial void LogNoPhone(ILogger logger);
}
