using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ArtBot.Bot.Consult;

namespace ArtBot.Bot.Privacy;

/// <summary>
/// The words of a person's name and contact, as keyed hashes kept with the conversation, so a later question that
/// mentions them ("this is dana again, 416 555 0199…") is never written to the review file, even in lower case or
/// without "my name is", while the name itself is not kept. Keyed (HMAC-SHA256, its key from the
/// <see cref="KeyCertificate"/>): a ten-digit phone number has too few possibilities for a plain hash to hide it.
/// </summary>
public sealed partial class PersonalTerms(KeyCertificate certificate)
{
    private readonly byte[] _key = certificate.SecretFor("personal terms");

    public IEnumerable<string> Of(string? name, ContactDetails? contact)
    {
        var words = Words().Matches(name ?? "").Select(match => match.Value).Where(word => word.Length >= 2);
        var digits = contact?.Phone is { } e164 ? Digits(e164) : "";
        // The full number and its last ten digits: people rarely type the country code.
        var phone = digits.Length > 0 ? [digits, digits[^Math.Min(10, digits.Length)..]] : Array.Empty<string>();
        var email = contact?.Email is { } address ? [address, .. Words().Matches(address.Split('@')[0]).Select(match => match.Value).Where(word => word.Length >= 3)] : Array.Empty<string>();
        return words.Concat(phone).Concat(email).Select(Hash).Distinct();
    }

    /// <summary>Whether <paramref name="text"/> contains one of the hashed terms: a word, an email address, or a run of digits.</summary>
    public bool Mention(string text, IReadOnlyCollection<string> hashes)
    {
        if (hashes.Count == 0)
        {
            return false;
        }
        var digits = Digits(text);
        var candidates = Words().Matches(text).Select(match => match.Value)
            .Concat(Emails().Matches(text).Select(match => match.Value))
            .Append(digits);
        var tails = digits.Length >= 10 ? Enumerable.Range(0, digits.Length - 9).Select(start => digits.Substring(start, 10)) : [];
        return candidates.Concat(tails).Where(candidate => candidate.Length >= 2).Select(Hash).Any(hashes.Contains);
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private string Hash(string term) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(term.ToLowerInvariant())));

    [GeneratedRegex(@"\p{L}[\p{L}'-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex Emails();
}
