using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>
/// Tokens of the bot's own Direct Line: each grants one conversation to one visitor (the user id is sealed inside, so
/// a client cannot speak as anyone else) until it expires. Sealed with ASP.NET Core Data Protection, whose keys are
/// persisted, so a visitor's token outlives a restart of the bot.
/// </summary>
public sealed class LocalDirectLineTokens(IOptions<DirectLineOptions> options, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ArtBot.DirectLine.Token.v2");

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public static string NewConversationId() => "dl-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));

    public string Issue(DirectLineGrant grant)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect($"{grant.ConversationId}\n{grant.UserId}\n{expires}");
    }

    /// <summary>The conversation and visitor a token grants, if it is ours, unaltered and unexpired.</summary>
    public bool TryValidate(string? token, out DirectLineGrant grant)
    {
        grant = new DirectLineGrant("", "");
        string payload;
        try
        {
            payload = string.IsNullOrEmpty(token) ? "" : _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return false;
        }
        grant = new DirectLineGrant(parts[0], parts[1]);
        return true;
    }
}

/// <summary>What a token grants: one conversation, spoken in as one visitor.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId);
