using System.Text;

namespace ArtBot.Knowledge;

/// <summary>How two pieces of text are compared: by their words, ignoring case, spacing and punctuation at the ends.</summary>
public static class TextComparison
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text.Trim().Trim(TrailingPunctuation))
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(char.ToLowerInvariant(character));
        }
        return builder.ToString();
    }

    /// <summary>Collapses every run of white space to one space, so a quote may wrap differently from the article.</summary>
    public static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static readonly char[] TrailingPunctuation = ['?', '!', '.', ',', ';', ':', ' ', '"', '\''];
}
