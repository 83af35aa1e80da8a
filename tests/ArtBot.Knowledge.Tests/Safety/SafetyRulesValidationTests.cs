using ArtBot.Knowledge.Safety;
using ArtBot.Knowledge.Validation;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>The reviewed rules are refused at load when a change could make matching slow: every repetition is bounded.</summary>
public sealed class SafetyRulesValidationTests : IDisposable
{
    private readonly KnowledgeDataCopy _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(@"\bchest\b.*\bpain\b")]
    [InlineData(@"(\w+ )+pain")]
    [InlineData(@"\bnumb\b.{3,}\bgroin\b")]
    public void Refuses_a_rule_that_repeats_without_a_bound_naming_where_it_is(string pattern)
    {
        var refusal = RefusalOfRulesWhere(rules => ((JArray)rules["tiers"]![1]!["patterns"]!).Add(pattern));

        Assert.Contains("emergency", refusal.Message);
        Assert.Contains("repeats without a bound", refusal.Message);
    }

    [Fact]
    public void Refuses_a_pattern_unless_with_nothing_that_rules_it_out_and_an_unbounded_unless()
    {
        var refusal = RefusalOfRulesWhere(rules =>
        {
            var patternsUnless = (JArray)rules["tiers"]![1]!["patternsUnless"]!;
            patternsUnless.Add(new JObject { ["pattern"] = @"\bcalf\b", ["unless"] = new JArray() });
            patternsUnless.Add(new JObject { ["pattern"] = @"\bcalf\b", ["unless"] = new JArray(@"\bbreathing\b.*\bfine\b") });
        });

        Assert.Contains("needs at least one 'unless' pattern", refusal.Message);
        Assert.Contains("unless", refusal.Message);
        Assert.Contains("repeats without a bound", refusal.Message);
    }

    [Fact]
    public void Refuses_a_misspelling_of_more_than_one_word_or_that_stands_for_itself()
    {
        var refusal = RefusalOfRulesWhere(rules =>
        {
            var misspellings = (JObject)rules["misspellings"]!;
            misspellings["kill my self"] = "kill myself";
            misspellings["pills"] = "pills";
        });

        Assert.Contains("'kill my self': a misspelling is one lower-case word", refusal.Message);
        Assert.Contains("'pills': needs the lower-case word it stands for, not itself", refusal.Message);
    }

    /// <summary>What loading says of the rules file once <paramref name="change"/> is made to it.</summary>
    private InvalidKnowledgeException RefusalOfRulesWhere(Action<JObject> change)
    {
        var path = _data.Files.SafetyRules("en");
        var rules = JObject.Parse(File.ReadAllText(path));
        change(rules);
        File.WriteAllText(path, rules.ToString());
        return Assert.Throws<InvalidKnowledgeException>(() => SafetyScreen.Load(_data.Files));
    }
}
