using System.Text.RegularExpressions;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Messages declined before the classifier reads them: attempts to make the bot drop its instructions, play a part or
/// say what the article doesn't, and gibberish, which a classifier may pin on one familiar word ("asdf massage qwer").
/// </summary>
public static partial class OffTopicGuard
{
    public static bool ShouldDecline(string message) => Instructions().IsMatch(message) || LooksLikeGibberish(message);

    private static bool LooksLikeGibberish(string message)
    {
        var words = Words().Matches(message).Select(match => match.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return message.Any(char.IsLetterOrDigit) && !message.Any(char.IsDigit);
        }
        var garbled = words.Count(Garbled);
        return garbled > 0 && garbled * 3 >= words.Count;
    }

    /// <summary>Chat shorthand without vowels is not gibberish.</summary>
    private static readonly HashSet<string> Shorthand = ["tmrw", "thnx", "thnks", "wknd", "hmmm", "pfft", "bkng", "rgds", "srsly", "plzz", "plss", "msgs", "txts"];

    /// <summary>Only words of plain Latin letters are judged: a word in Korean or Arabic has no "vowels" to count.</summary>
    private static bool Garbled(string word) =>
        word.Length >= 4 && word.All(char.IsAscii) && !Shorthand.Contains(word) && (!word.Any(IsVowel) || ConsonantRun().IsMatch(word) || KeyboardRun().IsMatch(word));

    private static bool IsVowel(char letter) => "aeiouy".Contains(letter);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"[bcdfghjklmnpqrstvwxz]{5,}")]
    private static partial Regex ConsonantRun();

    [GeneratedRegex(@"qwer|wert|erty|rtyu|tyui|yuio|uiop|asdf|sdfg|dfgh|fghj|ghjk|hjkl|zxcv|xcvb|cvbn|vbnm")]
    private static partial Regex KeyboardRun();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass) (all |any |your |the |my |previous |prior |earlier |above )*(instructions?|rules|guidelines|prompts?|programming|guardrails)\b|\b(system|hidden|initial) prompt\b|\bjail ?break\b|\bpretend (to be|you'?re|you are|that)\b|\brole ?-?play\b|\b(you are|you'?re) now\b|\bact as (a|an|my)\b|\bdeveloper mode\b|\b(say|tell me|write|confirm|admit) (that )?(art|active release)( therapy| technique)? (cures?|heals?|fixes|will cure|can cure)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instructions();
}
