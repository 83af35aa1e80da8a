using ArtBot.Knowledge;

namespace ArtBot.Bot.Consult;

/// <summary>
/// What a person typed, made fit to store and show to staff: the text as it shows (<see cref="VisibleText"/>: no
/// control characters, terminal escapes or invisible direction overrides that make text read differently from what
/// it is), with tabs as spaces and line breaks as one newline.
/// </summary>
public static class StoredText
{
    public static string Clean(string text) => VisibleText.Of(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
}
