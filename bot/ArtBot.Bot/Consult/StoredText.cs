using System.Text;
using System.Text.RegularExpressions;

namespace ArtBot.Bot.Consult;

/// <summary>
/// What a person typed, made fit to store and show to staff: no control characters (null bytes, terminal escape
/// sequences) and no invisible direction overrides that make text read differently from what it is.
/// </summary>
public static partial class StoredText
{
    public static string Clean(string text)
    {
        text = TerminalEscape().Replace(text, "");
        var clean = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\n' or '\t')
            {
                clean.Append(character == '\t' ? ' ' : '\n');
            }
            else if (!char.IsControl(character) && !IsInvisibleFormatting(character))
            {
                clean.Append(character);
            }
        }
        return clean.ToString();
    }

    /// <summary>Direction marks, embeddings, overrides and isolates, and zero-width characters.</summary>
    private static bool IsInvisibleFormatting(char character) =>
        character is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex(@"\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B[@-_]")]
    private static partial Regex TerminalEscape();
}
