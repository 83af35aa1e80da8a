namespace ArtBot.Bot.Answering;

/// <summary>Text cut to fit a limit the way a reader expects: at a word, with an ellipsis.</summary>
public static class ShortText
{
    /// <summary>Cut at the last word that fits, with an ellipsis, so it never ends mid-word; text that fits is kept whole.</summary>
    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var room = text[..(limit - 1)];
        var lastSpace = char.IsWhiteSpace(text[room.Length]) ? room.Length : room.LastIndexOf(' ');
        var cut = lastSpace > 0 ? room[..lastSpace] : room;
        return cut.TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + "…";
    }
}
