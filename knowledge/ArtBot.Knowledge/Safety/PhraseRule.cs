using System.Text.RegularExpressions;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// One reviewed pattern. It is read by .NET's regex interpreter from the moment the rules load, and by compiled code
/// once <see cref="Compile"/> has run: compiled, the whole rule set reads a message about four times faster, but
/// compiling and first running several hundred patterns takes seconds, which would otherwise hold up the bot's start.
/// Both read exactly the same pattern with the same options, so the switch cannot change a verdict.
/// </summary>
public sealed class PhraseRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly string _pattern;
    private Regex _regex;

    public PhraseRule(string pattern)
    {
        _pattern = pattern;
        _regex = new Regex(pattern, Options, Regex.InfiniteMatchTimeout);
    }

    public bool IsCompiled => (Volatile.Read(ref _regex).Options & RegexOptions.Compiled) != 0;

    public bool IsMatch(string text) => Volatile.Read(ref _regex).IsMatch(text);

    /// <summary>
    /// Blanks, in <paramref name="blanked"/> (a copy of <paramref name="text"/>), every match in the text, so the words
    /// around it keep their places.
    /// </summary>
    public void BlankMatches(string text, Span<char> blanked)
    {
        foreach (var match in Volatile.Read(ref _regex).EnumerateMatches(text))
        {
            blanked.Slice(match.Index, match.Length).Fill(' ');
        }
    }

    /// <summary>Switches to compiled code, run once so that the first message it reads does not pay for its JIT.</summary>
    public void Compile()
    {
        var compiled = new Regex(_pattern, Options | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
        compiled.IsMatch("warming up the compiled phrase rules");
        Volatile.Write(ref _regex, compiled);
    }

    public override string ToString() => _pattern;
}
