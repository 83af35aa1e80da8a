using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Validation;
using Newtonsoft.Json.Linq;

using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Validation;

public sealed class KnowledgeBaseValidatorTests : IDisposable
{
    private readonly KnowledgeDataCopy _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Accepts_the_committed_knowledge_base()
    {
        var knowledgeBase = KnowledgeBaseLoader.Load(_data.Files);

        Assert.Contains(knowledgeBase.Entries, entry => entry.Id == "is-it-painful");
    }

    [Fact]
    public void Refuses_an_entry_without_an_answer()
    {
        _data.EditKnowledgeBase(document => _data.Entry(document, "side-effects")["answer"] = "  ");

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal(("knowledge-base.json", "side-effects", "answer"), (problem.File, problem.Entry, problem.Field));
    }

    [Fact]
    public void Refuses_a_related_id_that_is_not_an_entry()
    {
        _data.EditKnowledgeBase(document => _data.Entry(document, "muscle-knots")["related"] = new JArray("adhesions", "cupping"));

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal(("muscle-knots", "related"), (problem.Entry, problem.Field));
        Assert.Contains("'cupping'", problem.Message);
    }

    [Fact]
    public void Refuses_a_passage_that_is_not_quoted_exactly_from_the_article()
    {
        _data.EditKnowledgeBase(document =>
            ((JArray)_data.Entry(document, "is-it-painful")["passages"]!).Add("Active release technique is never painful."));

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal(("is-it-painful", "passages[2]"), (problem.Entry, problem.Field));
        Assert.Contains("not quoted exactly from the article", problem.Message);
    }

    [Fact]
    public void Accepts_a_quoted_passage_that_wraps_differently_from_the_article()
    {
        _data.EditKnowledgeBase(document =>
            ((JArray)_data.Entry(document, "muscle-knots")["passages"]!)[0] = "Yes, muscle knots\n  are often caused by adhesions.");

        KnowledgeBaseLoader.Load(_data.Files);
    }

    [Fact]
    public void Refuses_an_article_answer_that_quotes_nothing()
    {
        _data.EditKnowledgeBase(document => _data.Entry(document, "adhesions")["passages"] = new JArray());

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal(("adhesions", "passages"), (problem.Entry, problem.Field));
    }

    [Fact]
    public void Refuses_a_misspelled_field_naming_where_it_is()
    {
        _data.EditKnowledgeBase(document =>
        {
            var entry = _data.Entry(document, "what-is-art");
            entry["anwser"] = entry["answer"];
            entry.Remove("answer");
        });

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal("knowledge-base.json", problem.File);
        Assert.Contains("anwser", problem.Field + problem.Message);
    }

    [Fact]
    public void Refuses_malformed_json_naming_the_file()
    {
        File.WriteAllText(_data.Files.KnowledgeBase, "{ \"entries\": [ { \"id\": ");

        var exception = Refusal();

        Assert.Equal("knowledge-base.json", Assert.Single(exception.Problems).File);
        Assert.Contains("knowledge-base.json", exception.Message);
    }

    [Fact]
    public void Refuses_an_intent_with_too_few_utterances()
    {
        var file = Path.Combine(_data.Files.TrainingUtterances, "muscle-knots.txt");
        File.WriteAllLines(file, File.ReadAllLines(file).Take(10));

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal(("utterances/train/muscle-knots.txt", "muscle-knots", "utterances"), (problem.File, problem.Entry, problem.Field));
        Assert.Contains("has 10 utterances; at least 40", problem.Message);
    }

    [Fact]
    public void Refuses_the_same_utterance_under_two_intents()
    {
        var painQuestion = File.ReadLines(Path.Combine(_data.Files.TrainingUtterances, "is-it-painful.txt")).First();
        _data.AppendTrainingUtterance("side-effects", painQuestion.ToUpperInvariant() + "?");

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal("utterances/train/side-effects.txt", problem.File);
        Assert.Contains("also under intent 'is-it-painful'", problem.Message);
    }

    [Fact]
    public void Refuses_utterances_for_an_intent_the_knowledge_base_does_not_have()
    {
        File.WriteAllLines(Path.Combine(_data.Files.TrainingUtterances, "pricing.txt"), ["how much is it"]);

        var problem = Assert.Single(Refusal().Problems, problem => problem.Field == "intent");

        Assert.Equal("pricing", problem.Entry);
    }

    [Fact]
    public void Refuses_a_knowledge_base_without_the_consult_entry()
    {
        _data.EditKnowledgeBase(document =>
        {
            _data.Entry(document, "free-consult").Remove();
            foreach (var entry in document["entries"]!)
            {
                entry["related"] = new JArray(((JArray)entry["related"]!).Where(id => (string?)id != "free-consult").DefaultIfEmpty("what-is-art"));
            }
        });

        var problems = Refusal().Problems;

        Assert.Contains(problems, problem => problem.Entry == "free-consult" && problem.Field == "id");
    }

    [Fact]
    public void Lists_every_problem_in_one_message()
    {
        _data.EditKnowledgeBase(document =>
        {
            _data.Entry(document, "side-effects")["answer"] = "";
            _data.Entry(document, "conditions")["title"] = "";
        });

        var exception = Refusal();

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("entry 'side-effects', field 'answer'", exception.Message);
        Assert.Contains("entry 'conditions', field 'title'", exception.Message);
    }

    [Fact]
    public void Refuses_held_out_utterances_that_were_also_trained_on()
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(_data.Files);
        var trained = File.ReadLines(Path.Combine(_data.Files.TrainingUtterances, "adhesions.txt")).First();
        File.AppendAllText(Path.Combine(_data.Files.TestUtterances, "adhesions.txt"), Environment.NewLine + trained + Environment.NewLine);

        var exception = Assert.Throws<InvalidKnowledgeException>(() => KnowledgeBaseLoader.LoadHeldOut(_data.Files, knowledgeBase, training));

        Assert.Contains("held-out data must be unseen", Assert.Single(exception.Problems).Message);
    }

    private InvalidKnowledgeException Refusal() =>
        Assert.Throws<InvalidKnowledgeException>(() => KnowledgeBaseLoader.Load(_data.Files));
}
