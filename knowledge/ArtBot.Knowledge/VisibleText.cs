using System.Globalization;
using System.Text;

namespace ArtBot.Knowledge;

/// <summary>
/// A message as a person sees it: full-width letters and digits read as ASCII, the many widths of space as one space,
/// and the characters that show nothing removed: format characters (zero-width spaces and joiners, soft hyphens,
/// direction marks), fillers and blanks (the Hangul fillers, the braille blank) and variation selectors.
/// "k&#x200B;ill myself" is read as the words it shows, by the safety screen, the classifier and everything stored.
/// (The app runs with invariant globalization, where <see cref="string.Normalize()"/> does not fold compatibility
/// forms, so the folds people actually type are made here.)
/// </summary>
public static class VisibleText
{
    public static string Of(string text)
    {
        if (!text.Any(NeedsFolding))
        {
            return text;
        }
        var visible = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (ShowsNothing(character))
            {
                continue;
            }
            visible.Append(character switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(character - 0xFEE0),
                '\u00A0' or '\u3000' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A') => ' ',
                _ => character,
            });
        }
        return visible.ToString();
    }

    private static bool NeedsFolding(char character) => character > '\u007F' && (ShowsNothing(character) || character is '\u00A0' or '\u3000' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A') or (>= '\uFF01' and <= '\uFF5E'));

    private static bool ShowsNothing(char character) =>
        CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format
        || character is '\u034F' or '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800'
        || character is >= '\uFE00' and <= '\uFE0F';
}
