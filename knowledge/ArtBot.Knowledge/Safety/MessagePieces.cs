using System.Text.RegularExpressions;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// A message and its sentences. "I've been writing goodbye letters. Anyway, does ART hurt?" means something else
/// sentence by sentence than as a whole, so the meaning is read in each piece as well as in the whole message.
/// </summary>
public static class MessagePieces
{
    private static readonly Regex Boundary = new(
        @"[.!?;\n]+|\s+(anyway|anyways|btw|by the way|but|also|on another note)\b,?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);

    /// <summary>The whole message first, then each sentence or clause when there is more than one.</summary>
    public static IReadOnlyList<string> Of(string message)
    {
        var whole = message.Trim();
        var pieces = Boundary.Replace(whole, "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return pieces.Length <= 1 ? [whole] : [whole, .. pieces.Distinct(StringComparer.Ordinal)];
    }

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
