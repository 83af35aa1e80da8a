using ArtBot.Knowledge.Safety;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>A rule whose compiled code fails still reads every message, the same way the interpreter does.</summary>
public sealed class PhraseRuleFallbackTests
{
    // A draft of the look-alike for a faint or headache "years ago", its lazy span not allowed to cross "today": .NET
    // 10.0.12's compiled code threw IndexOutOfRangeException reading it, while the interpreter read it correctly.
    private const string LazySpanWithALookaheadInEachStep =
        @"\b(seizures?|fits?|convulsions?|faint(ed|ing)?|passed out|blacked out|black ?outs?|collapsed|stroke|heart attack|(sudden |bad |severe ){0,3}headache|panic attacks?)\b((?!\b(today|tonight|this (morning|afternoon|evening|week)|now|just now|yesterday)\b)[^.?!]){0,50}?\b(in (19|20)\d\d|(many |several |some |a few |\d+ |ten |twenty )?years ago|ages ago|as a (child|kid|baby|toddler|teen\w*)|when (i|he|she) was (a )?(\d+|young|little|small|kid|child|teen\w*|at (uni|school|college|university))|at school|in (my|his|her) (teens|twenties|youth))\b(?!.{0,60}\b(today|this morning|tonight|right now|just now|(?<!never )again|another one|another|but (this|now|today)|different)\b)";

    [Theory]
    [InlineData("sudden severe headache with a stiff neck, came on in one second, light hurts")]
    [InlineData("i fainted years ago at a concert, never again")]
    [InlineData("blacked out today, years ago it happened once too")]
    public void Reads_as_the_interpreter_does_after_compiling(string message)
    {
        var interpreted = new PhraseRule(LazySpanWithALookaheadInEachStep);
        var compiled = new PhraseRule(LazySpanWithALookaheadInEachStep);
        compiled.Compile();

        Assert.Equal(interpreted.IsMatch(message), compiled.IsMatch(message));
        Span<char> blankedByInterpreter = message.ToCharArray();
        Span<char> blankedAfterCompiling = message.ToCharArray();
        interpreted.BlankMatches(message, blankedByInterpreter);
        compiled.BlankMatches(message, blankedAfterCompiling);
        Assert.Equal(blankedByInterpreter.ToString(), blankedAfterCompiling.ToString());
    }
}
