using System.Text.RegularExpressions;

namespace ArtBot.Knowledge.Safety;

/// <summary>
/// One reviewed pattern. It is read by .NET's regex interpreter from the moment the rules load, and by compiled code
/// once <see cref="Compile"/> has run: compiled, the whole rule set reads a message about four times faster, but
/// compiling and first running several hundred patterns takes seconds, which would otherwise hold up the bot's start.
/// Both read exactly the same pattern with the same options, so the switch cannot change a verdict. Should the compiled
/// code fail on a message, the rule goes back to the interpreter for good and reads the message there: one rule's
/// compiled code never costs the screen its whole rules layer.
/// </summary>
public sealed class PhraseRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static long s_compiledCodeFailures;

    private readonly string _pattern;
    private readonly Regex _interpreted;
    private Regex _regex;

    public PhraseRule(string pattern)
    {
        _pattern = pattern;
        _interpreted = new Regex(pattern, Options, Regex.InfiniteMatchTimeout);
        _regex = _interpreted;
    }

    /// <summary>How many rules, in this process, went back to the interpreter because their compiled code failed.</summary>
    public static long CompiledCodeFailures => Interlocked.Read(ref s_compiledCodeFailures);

    public bool IsCompiled => (Volatile.Read(ref _regex).Options & RegexOptions.Compiled) != 0;

    public bool IsMatch(string text) => Read(text, static (regex, text) => regex.IsMatch(text));

    /// <summary>
    /// Blanks, in <paramref name="blanked"/> (a copy of <paramref name="text"/>), every match in the text, so the words
    /// around it keep their places.
    /// </summary>
    public void BlankMatches(string text, Span<char> blanked)
    {
        // Found in full before anything is blanked, so compiled code that fails half-way blanks nothing.
        foreach (var (index, length) in Read(text, MatchesIn) ?? [])
        {
            blanked.Slice(index, length).Fill(' ');
        }
    }

    /// <summary>Switches to compiled code, run once so that the first message it reads does not pay for its JIT.</summary>
    public void Compile()
    {
        var compiled = new Regex(_pattern, Options | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
        try
        {
            compiled.IsMatch("warming up the compiled phrase rules");
        }
        catch (Exception exception) when (IsCompiledCodeFault(exception))
        {
            Interlocked.Increment(ref s_compiledCodeFailures);
            return;
        }
        Volatile.Write(ref _regex, compiled);
    }

    public override string ToString() => _pattern;

    private static List<(int Index, int Length)>? MatchesIn(Regex regex, string text)
    {
        List<(int Index, int Length)>? matches = null;
        foreach (var match in regex.EnumerateMatches(text))
        {
            (matches ??= []).Add((match.Index, match.Length));
        }
        return matches;
    }

    /// <summary>Reads with the compiled code when there is some, and with the interpreter from then on if it fails.</summary>
    private T Read<T>(string text, Func<Regex, string, T> read)
    {
        var regex = Volatile.Read(ref _regex);
        try
        {
            return read(regex, text);
        }
        catch (Exception exception) when (!ReferenceEquals(regex, _interpreted) && IsCompiledCodeFault(exception))
        {
            BackToInterpreter(regex);
            return read(_interpreted, text);
        }
    }

    // The runtime's compiled code can fail where its interpreter reads the same pattern: .NET 10.0.12's compiled code threw
    // IndexOutOfRangeException on a lazy span with a negative lookahead in each step, which the interpreter matched.
    private static bool IsCompiledCodeFault(Exception exception) => exception is not (OperationCanceledException or RegexMatchTimeoutException);

    private void BackToInterpreter(Regex failed)
    {
        if (Interlocked.CompareExchange(ref _regex, _interpreted, failed) == failed)
        {
            Interlocked.Increment(ref s_compiledCodeFailures);
        }
    }
}
