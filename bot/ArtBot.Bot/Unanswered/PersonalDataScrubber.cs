using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ArtBot.Bot.Unanswered;

/// <summary>
/// Removes what could identify a person (email addresses, phone numbers in any format, street addresses and postal
/// codes, self-introductions) before a question is stored.
/// </summary>
public static partial class PersonalDataScrubber
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string Scrub(string text, string defaultRegion = "CA")
    {
        text = Email().Replace(text, "[email]");
        foreach (var found in Phones.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue).OrderByDescending(match => match.Start))
        {
            text = string.Concat(text.AsSpan(0, found.Start), "[phone]", text.AsSpan(found.Start + found.Length));
        }
        text = DigitRun().Replace(text, "[phone]");
        text = StreetAddress().Replace(text, "[address]");
        text = PostalCode().Replace(text, "[postal code]");
        text = NamedIntroduction().Replace(text, match => match.Groups["lead"].Value + "[name]");
        return CapitalisedIntroduction().Replace(text, match => match.Groups["lead"].Value + "[name]");
    }

    [GeneratedRegex(@"[A-Za-z0-9_%+-]+(\s*\.\s*[A-Za-z0-9_%+-]+)*\s*@\s*[A-Za-z0-9-]+(\s*\.\s*[A-Za-z0-9-]+)+")]
    private static partial Regex Email();

    /// <summary>Seven or more digits that the phone library did not take for a number: separated by anything but letters.</summary>
    [GeneratedRegex(@"\+?\(?\d[\d\s()./\\_-]{5,}\d")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\b\d{1,6}[a-z]?\s+(\p{L}+\.?\s+){0,3}(street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|crescent|cres|place|pl|terrace|parkway|pkwy|circle|cir|highway|hwy|square|sq)\b\.?(\s+(east|west|north|south|e|w|n|s)\b\.?)?(,?\s*(apt|apartment|unit|suite|#)\s*\w+)?", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    /// <summary>Canadian postal codes and US ZIP+4 codes.</summary>
    [GeneratedRegex(@"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b|\b\d{5}-\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostalCode();

    /// <summary>"my name is ann lee", "call me Ann": the one or two words after an unmistakable introduction, in any case.</summary>
    [GeneratedRegex(@"(?<lead>\b(?i:my name is|my name's|my names|name is|call me)\s+)(?<name>(?!(at|on|back|when|tomorrow|today|asap|if|about|please|pls|via|by|after|before|anytime|any)\b)[\p{L}'-]+(\s+(?!(and|or|but|i|im|i'm|from|here|with|at|on|please|pls)\b)[\p{L}'-]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedIntroduction();

    /// <summary>"I'm Ann", "this is Ann Lee": the capitalised words after a looser introduction.</summary>
    [GeneratedRegex(@"(?<lead>\b(?i:i am|i'm|im|this is)\s+)(?<name>\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)?)")]
    private static partial Regex CapitalisedIntroduction();
}
