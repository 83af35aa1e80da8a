using ArtBot.Knowledge.Safety;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>The phrase rules read messages the same way before and after they are compiled in the background.</summary>
public sealed class PhraseRuleCompilationTests
{
    [Fact]
    public async Task Compiling_the_rules_while_they_read_changes_no_tier()
    {
        var rules = SafetyScreen.Load(KnowledgeFiles.Default).Rules;
        // Every tier from the first set, and a quarter of an everyday set: the interpreter reads each message about four
        // times slower than the compiled rules, and both whole sets took this test about 40 s.
        var messages = Read("safety-set.tsv")
            .Concat(Read("everyday-2.tsv").Where((_, index) => index % 4 == 0))
            .ToList();
        var interpreted = messages.Select(rules.Match).ToList();
        Assert.False(rules.IsCompiled);

        var compiling = rules.CompileAsync();
        var duringCompilation = messages.Select(rules.Match).ToList();
        await compiling;
        var compiled = messages.Select(rules.Match).ToList();

        Assert.True(rules.IsCompiled);
        Assert.Equal(interpreted, duringCompilation);
        Assert.Equal(interpreted, compiled);
        Assert.Contains(SafetyTier.SelfHarm, compiled);
        Assert.Contains(SafetyTier.Emergency, compiled);
        Assert.Contains(SafetyTier.Urgent, compiled);
        Assert.Contains(SafetyTier.None, compiled);
    }

    private static IEnumerable<string> Read(string set) =>
        SafetySetEvaluation.Read(Path.Combine(AppContext.BaseDirectory, "Safety", set)).Select(item => item.Message);
}
