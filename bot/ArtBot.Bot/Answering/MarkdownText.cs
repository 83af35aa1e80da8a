using System.Text;

namespace ArtBot.Bot.Answering;

/// <summary>Text a person typed, made safe to show again inside a Markdown message.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_{}[]()#+-.!<>|~";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            if (Special.Contains(character))
            {
                escaped.Append('\\');
            }
            escaped.Append(character);
        }
        return escaped.ToString();
    }
}
