using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArtBot.Knowledge;

/// <summary>
/// A message as a person sees it: full-width letters and digits read as ASCII, the many widths of space as one space,
/// and the characters that show nothing removed: control characters other than tab and line breaks (a NUL, a
/// terminal escape sequence), format characters (zero-width spaces and joiners, soft hyphens,
/// direction marks), fillers and blanks (the Hangul fillers, the braille blank) and variation selectors.
/// "k&#x200B;ill myself" is read as the words it shows, by the safety screen, the classifier and everything stored.
/// (The app runs with invariant globalization, where <see cref="string.Normalize()"/> does not fold compatibility
/// forms, so the folds people actually type are made here.)
/// </summary>
public static partial class VisibleText
{
    public static string Of(string text)
    {
        if (text.Contains('\u001B', StringComparison.Ordinal))
        {
            // A terminal escape ("\u001B[31m") shows nothing as a whole, not only its first character.
            text = TerminalEscape().Replace(text, "");
        }
        if (text.All(character => Shown(character) == character))
        {
            return text;
        }
        var visible = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (Shown(character) is { } shown)
            {
                visible.Append(shown);
            }
        }
        return visible.ToString();
    }

    [GeneratedRegex(@"\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B[@-_]", RegexOptions.NonBacktracking)]
    private static partial Regex TerminalEscape();

    /// <summary>The character as read: folded, or null when it shows nothing.</summary>
    private static char? Shown(char character) => character switch
    {
        '\t' or '\n' or '\r' => character,
        < ' ' or (>= '\u007F' and <= '\u009F') => null,
        < '\u007F' => character,
        >= '\uFF01' and <= '\uFF5E' => (char)(character - 0xFEE0),
        '\u00A0' or '\u3000' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A') => ' ',
        '\u034F' or '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or (>= '\uFE00' and <= '\uFE0F') => null,
        _ when CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format => null,
        _ => character,
    };
}
