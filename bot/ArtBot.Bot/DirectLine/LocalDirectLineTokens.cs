using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.DirectLine;

/// <summary>
/// Tokens of the bot's own Direct Line: each names one conversation and an expiry, signed with a key made when the
/// app starts (the conversations live in memory too, so neither outlives the process).
/// </summary>
public sealed class LocalDirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public static string NewConversationId() => "dl-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public string Issue(string conversationId)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = $"{conversationId}.{expires}";
        return $"{payload}.{Sign(payload)}";
    }

    /// <summary>The conversation a token grants, if it is ours, unaltered and unexpired.</summary>
    public bool TryValidate(string? token, out string conversationId)
    {
        conversationId = "";
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return false;
        }
        conversationId = parts[0];
        return true;
    }

    private string Sign(string payload) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
