using System.Text.RegularExpressions;

namespace ArtBot.Bot.Unanswered;

/// <summary>Removes what could identify a person (email addresses, phone numbers, self-introductions) before a question is stored.</summary>
public static partial class PersonalDataScrubber
{
    public static string Scrub(string text)
    {
        text = Email().Replace(text, "[email]");
        text = Phone().Replace(text, "[phone]");
        return SelfIntroduction().Replace(text, match => match.Groups["lead"].Value + "[name]");
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    /// <summary>Seven or more digits, possibly with a leading +, separated by spaces, dots, dashes or brackets.</summary>
    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{5,}\d")]
    private static partial Regex Phone();

    /// <summary>"my name is Ann Lee", "I'm Ann": the capitalised words after an introduction.</summary>
    [GeneratedRegex(@"(?<lead>\b(?i:my name is|my name's|i am|i'm|im|this is|call me)\s+)(?<name>\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)?)")]
    private static partial Regex SelfIntroduction();
}
