namespace ArtBot.Knowledge.Languages;

/// <summary>The shape of <c>languages.json</c>: the languages ArtBot recognises but does not answer in, each with its fixed reply.</summary>
public sealed record LanguagesDocument
{
    public string Note { get; init; } = "";
    public IReadOnlyList<OtherLanguage> Languages { get; init; } = [];

    /// <summary>Messages ArtBot cannot read at all: the reply to them is in English and gives the numbers anyone can dial.</summary>
    public CannotRead? CannotRead { get; init; }
}

public sealed record OtherLanguage
{
    /// <summary>ISO 639-1, as reported in the reply's channel data.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>One-word messages a detector can't judge by letters alone ("bonjour", "merci").</summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];

    /// <summary>
    /// Everyday words of the language: a message must use one of them, so "art vs massgae" is not taken for German
    /// because its letters happen to look German to the detector.
    /// </summary>
    public IReadOnlyList<string> CommonWords { get; init; } = [];

    public string Reply { get; init; } = "";
}

/// <summary>
/// A message written mostly in a script other than Latin (Arabic, Cyrillic, Chinese, Devanagari, Hangul...), or in
/// one of <see cref="Languages"/>: languages the detector names but ArtBot has no reply written in.
/// </summary>
public sealed record CannotRead
{
    /// <summary>Reported for a message in another script, whose language is not named.</summary>
    public string Code { get; init; } = "";
    public string Reply { get; init; } = "";

    /// <summary>Each with its code and everyday words; the reply is <see cref="Reply"/>, in English.</summary>
    public IReadOnlyList<OtherLanguage> Languages { get; init; } = [];
}
