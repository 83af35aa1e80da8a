using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// Authentication fails closed: with an app id but no <c>MicrosoftAppType</c>, the SDK would act as a multi-tenant bot
/// and ask the wrong authority for its tokens, so every reply to Teams would fail while the bot looked healthy. The
/// start is refused instead, with the setting named.
/// </summary>
public sealed class AppTypeSettings(IConfiguration configuration) : IValidateOptions<SecurityOptions>
{
    public static readonly string[] Known = ["SingleTenant", "MultiTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (ActivityRequestCheck.AuthenticationIsOff(configuration))
        {
            return ValidateOptionsResult.Success;
        }
        var appType = configuration["MicrosoftAppType"];
        if (string.IsNullOrWhiteSpace(appType))
        {
            return ValidateOptionsResult.Fail(
                "MicrosoftAppId is set but MicrosoftAppType is empty. Set MicrosoftAppType to SingleTenant (with MicrosoftAppTenantId) as the Azure Bot is registered.");
        }
        if (!Known.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType '{appType}' is not one of {string.Join(", ", Known)}.");
        }
        if (!appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(configuration["MicrosoftAppTenantId"]))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType is {appType} but MicrosoftAppTenantId is empty. Set it to the tenant of the bot's app registration.");
        }
        return ValidateOptionsResult.Success;
    }
}
