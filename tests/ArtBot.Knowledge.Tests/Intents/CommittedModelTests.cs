using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Intents;

/// <summary>The model the bot ships with: trained on today's data, and good enough on utterances it never saw.</summary>
public sealed class CommittedModelTests
{
    private const double MacroF1Gate = 0.90;
    private const double PerIntentF1Gate = 0.75;

    private static readonly Lazy<IntentClassifier> Classifier = new(() => IntentClassifier.Load(KnowledgeFiles.Default.Model, SharedEmbedder.Instance));

    [Fact]
    public void Was_trained_on_the_current_training_utterances()
    {
        var (_, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(KnowledgeFiles.Default);

        var recorded = IntentModelFile.ReadFingerprint(KnowledgeFiles.Default.Model);

        Assert.True(recorded == TrainingDataFingerprint.Compute(training, SharedEmbedder.Instance.Name),
            "The training utterances or the encoder changed but the model was not retrained. Run: dotnet run --project training/ArtBot.Training -- train, and commit the model and its report.");
    }

    [Fact]
    public void Reads_both_the_n_grams_and_the_sentence_encoder()
    {
        Assert.Equal(IntentFeatures.NgramsAndEncoder, Classifier.Value.Features);
    }

    [Fact]
    public void Knows_exactly_the_knowledge_base_entries_and_none()
    {
        var knowledgeBase = KnowledgeBaseLoader.Load(KnowledgeFiles.Default);

        var expected = knowledgeBase.Entries.Select(entry => entry.Id).Append(Intent.None).Order();

        Assert.Equal(expected, Classifier.Value.Intents.Order());
    }

    [Fact]
    public void Reaches_the_macro_F1_gate_on_the_held_out_utterances()
    {
        var evaluation = IntentEvaluation.Evaluate(Classifier.Value, HeldOut());

        Assert.True(evaluation.MacroF1 >= MacroF1Gate, $"Held-out macro-F1 {evaluation.MacroF1:0.000} is below {MacroF1Gate}.");
        Assert.All(evaluation.PerIntent, metrics =>
            Assert.True(metrics.F1 >= PerIntentF1Gate, $"Held-out F1 of '{metrics.Intent}' is {metrics.F1:0.000}, below {PerIntentF1Gate}."));
    }

    [Fact]
    public void Gives_the_same_ranking_when_many_turns_classify_at_once()
    {
        var questions = HeldOut().All.Select(utterance => utterance.Text).Take(60).ToArray();
        var sequential = questions.Select(question => Classifier.Value.Classify(question).Top).ToArray();

        var parallel = new IntentScore[questions.Length];
        Parallel.For(0, questions.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            index => parallel[index % questions.Length] = Classifier.Value.Classify(questions[index % questions.Length]).Top);

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Ranks_every_intent_with_probabilities_that_sum_to_one()
    {
        var ranking = Classifier.Value.Classify("does active release therapy hurt");

        Assert.Equal("is-it-painful", ranking.Top.Intent);
        Assert.Equal(Classifier.Value.Intents.Count, ranking.Scores.Count);
        Assert.Equal(1.0, ranking.Scores.Sum(score => score.Score), precision: 3);
        Assert.True(ranking.Scores.Zip(ranking.Scores.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    private static UtteranceSet HeldOut()
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(KnowledgeFiles.Default);
        return KnowledgeBaseLoader.LoadHeldOut(KnowledgeFiles.Default, knowledgeBase, training);
    }
}
