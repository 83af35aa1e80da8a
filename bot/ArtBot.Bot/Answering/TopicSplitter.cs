using System.Text.RegularExpressions;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Splits a message that may ask two things ("does it hurt, and what are the side effects?") into its parts, so each
/// can be classified on its own. Parts too short to be a question are left joined to their neighbour.
/// </summary>
public static partial class TopicSplitter
{
    private const int MinimumWords = 2;

    public static IReadOnlyList<string> Split(string message)
    {
        var parts = new List<string>();
        foreach (var raw in Separator().Split(message))
        {
            var part = raw.Trim(' ', ',', '.', '?', '!', ';', '-');
            if (part.Length == 0)
            {
                continue;
            }
            if (parts.Count > 0 && WordCount(part) < MinimumWords)
            {
                parts[^1] = parts[^1] + " " + part;
            }
            else
            {
                parts.Add(part);
            }
        }
        return parts;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"[?;!]+|\.\s+|,?\s+\b(and also|and|also|plus|as well as|oh and|then)\b\s+|&", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
