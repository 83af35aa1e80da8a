using System.Text.RegularExpressions;
using ArtBot.Bot.Answering;
using PhoneNumbers;

namespace ArtBot.Bot.Consult;

/// <summary>
/// Reads the answers of the booking conversation and of the form: each <c>TryRead…</c> gives the value, or a reason
/// that can be shown to the person as it is.
/// </summary>
public static partial class BookingAnswers
{
    public const int MaxNameLength = 80;
    public const int MaxConcernLength = 500;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static bool TryReadName(string input, out string name, out string problem)
    {
        name = string.Join(' ', StoredText.Clean(input).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        problem = name switch
        {
            "" => "Please type your name.",
            { Length: > MaxNameLength } => $"That's longer than a name usually is. Please keep it under {MaxNameLength} characters.",
            _ when name.Any(char.IsDigit) || name.Contains('@') => "That looks like contact details rather than a name. What name should the clinic use for you? I'll ask how to reach you next.",
            _ when !NamePattern().IsMatch(name) => "Please use letters only for your name (hyphens and apostrophes are fine).",
            _ => "",
        };
        return problem.Length == 0;
    }

    /// <summary>A phone number (checked and normalised for <paramref name="defaultRegion"/> unless it has a country code) or an email address.</summary>
    public static bool TryReadContact(string input, string defaultRegion, out ContactDetails contact, out string problem)
    {
        contact = new ContactDetails(null, null);
        var text = StoredText.Clean(input).Trim();
        if (text.Contains('@'))
        {
            if (TryReadEmail(text, out var email, out problem))
            {
                contact = ContactDetails.ByEmail(email);
                return true;
            }
            return false;
        }
        if (text.Count(char.IsDigit) >= 3)
        {
            if (TryReadPhone(text, defaultRegion, out var phone, out problem))
            {
                contact = ContactDetails.ByPhone(phone);
                return true;
            }
            return false;
        }
        problem = "Please give a phone number (with the area code) or an email address.";
        return false;
    }

    public static bool TryReadMode(string input, out ConsultMode mode, out string problem)
    {
        var words = Normalize(input);
        (var found, mode) = words switch
        {
            _ when ContainsAny(words, "online", "video", "zoom", "virtual", "teams", "computer", "webcam") => (true, ConsultMode.Online),
            _ when ContainsAny(words, "phone", "call", "telephone", "by phone", "cell") => (true, ConsultMode.PhoneCall),
            _ => (false, ConsultMode.PhoneCall),
        };
        problem = found ? "" : "Please choose a phone call or an online (video) consult.";
        return found;
    }

    public static bool TryReadTime(string input, out PreferredTime time, out string problem)
    {
        var words = Normalize(input);
        (var found, time) = words switch
        {
            _ when ContainsAny(words, "any", "anytime", "whenever", "no preference", "doesn't matter", "doesnt matter", "either", "flexible") => (true, PreferredTime.Any),
            _ when ContainsAny(words, "morning", "mornings", "am", "a.m.", "before noon") => (true, PreferredTime.Morning),
            _ when ContainsAny(words, "afternoon", "afternoons", "midday", "lunch", "pm", "p.m.") => (true, PreferredTime.Afternoon),
            _ when ContainsAny(words, "evening", "evenings", "night", "nights", "after work", "after 5") => (true, PreferredTime.Evening),
            _ => (false, PreferredTime.Any),
        };
        problem = found ? "" : "Please choose morning, afternoon, evening or any time.";
        return found;
    }

    /// <summary>What hurts, in the person's own words; optional, so "skip" gives null.</summary>
    public static bool TryReadConcern(string input, out string? concern, out string problem)
    {
        var text = StoredText.Clean(input).Trim();
        concern = IsSkip(text) ? null : text;
        problem = text.Length > MaxConcernLength
            ? $"That's {text.Length} characters; please keep it under {MaxConcernLength}. A few words are enough: the clinician will ask more on the call."
            : "";
        return problem.Length == 0;
    }

    public static bool IsYes(string input) =>
        Normalize(input) is "yes" or "y" or "yeah" or "yep" or "yup" or "sure" or "ok" or "okay" or "please" or "yes please"
            or "of course" or "absolutely" or "i agree" or "agree" or "yes, i agree" or "yes i agree" or "i do" or "sounds good";

    public static bool IsNo(string input) =>
        Normalize(input) is "no" or "n" or "nope" or "nah" or "no thanks" or "no thank you" or "not now" or "i don't agree"
            or "i do not agree" or "don't agree" or "disagree" or "no, i don't agree";

    public static bool IsCancel(string input) =>
        Normalize(input) is "cancel" or "stop" or "never mind" or "nevermind" or "quit" or "exit" or "forget it"
            or "cancel booking" or "cancel the booking" or "stop booking" or "i changed my mind" or "abort";

    private static bool TryReadEmail(string text, out string email, out string problem)
    {
        email = text.Trim().TrimEnd('.');
        var at = email.IndexOf('@');
        var domain = at >= 0 ? email[(at + 1)..] : "";
        problem = email switch
        {
            _ when email.Any(char.IsWhiteSpace) => "An email address has no spaces. Please type it again.",
            _ when email.Count(character => character == '@') > 1 => "An email address has only one @. Please check it.",
            _ when at == 0 => "The part before the @ is missing.",
            _ when domain.Length == 0 => "The part after the @ is missing (like example.com).",
            _ when !domain.Contains('.') || domain.Contains("..") || domain.StartsWith('.') || domain.EndsWith('.') =>
                $"\"{MarkdownText.Escape(domain)}\" isn't a complete domain: it needs an ending like .com or .ca.",
            _ when !EmailPattern().IsMatch(email) => "That doesn't look like a valid email address. Please check it.",
            _ => "",
        };
        return problem.Length == 0;
    }

    private static bool TryReadPhone(string text, string defaultRegion, out string phone, out string problem)
    {
        phone = "";
        try
        {
            var number = Phones.Parse(text, defaultRegion);
            if (Phones.IsValidNumber(number))
            {
                phone = Phones.Format(number, PhoneNumberFormat.E164);
                problem = "";
                return true;
            }
            problem = Phones.IsPossibleNumber(number)
                ? "That number doesn't exist as written. Please check the area code and the digits."
                : "That phone number looks incomplete. Please include the area code, like 416 555 0123.";
        }
        catch (NumberParseException)
        {
            problem = "I couldn't read that as a phone number. Please type it with the area code, like 416 555 0123.";
        }
        return false;
    }

    private static bool IsSkip(string text) =>
        Normalize(text) is "" or "skip" or "no" or "none" or "nothing" or "n/a" or "na" or "prefer not to say" or "rather not say" or "no thanks";

    /// <summary>Lower case, single spaces, without the full stop or exclamation mark at the end: how a short answer is compared.</summary>
    internal static string Normalize(string input) => TextNormal().Replace(input.Trim().ToLowerInvariant(), " ").Trim(' ', '.', '!');

    private static bool ContainsAny(string words, params string[] phrases) =>
        phrases.Any(phrase => Regex.IsMatch(words, $@"(^|\W){Regex.Escape(phrase)}($|\W)"));

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M}'’.\- ]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[\p{L}]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex TextNormal();
}
