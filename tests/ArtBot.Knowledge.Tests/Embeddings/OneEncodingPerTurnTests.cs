using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Embeddings;

/// <summary>A turn's message is encoded once, and the safety screen and the intent classifier both read that encoding.</summary>
public sealed class OneEncodingPerTurnTests
{
    [Theory]
    [InlineData("Does ART hurt?")]
    [InlineData("what are the side effects of active release")]
    public void The_screen_and_the_classifier_read_the_turns_one_encoding(string message)
    {
        var encoder = new CountingEmbedder(SharedEmbedder.Instance);
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, encoder);
        var classifier = IntentClassifier.Load(KnowledgeFiles.Default.Model, encoder);
        encoder.Asked.Clear();

        var encoded = new SentenceEncoding(message, encoder);
        var verdict = screen.Screen(message, encoded);
        var ranking = classifier.Classify(encoded);

        Assert.Equal(SafetyTier.None, verdict.Tier);
        Assert.Equal([message], encoder.Asked);
        Assert.Equal(classifier.Classify(message).Top, ranking.Top);
        Assert.Equal(screen.Screen(message).Tier, verdict.Tier);
    }

    [Fact]
    public void A_sentence_of_a_longer_message_is_encoded_apart_and_the_whole_message_once()
    {
        const string message = "My shoulder is stiff after gardening. Does ART hurt?";
        var encoder = new CountingEmbedder(SharedEmbedder.Instance);
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, encoder);
        encoder.Asked.Clear();

        screen.Screen(message, new SentenceEncoding(message, encoder));

        Assert.Single(encoder.Asked, text => text.Equals(message, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("my shoulder is stiff after gardening", encoder.Asked);
        Assert.Contains("does art hurt", encoder.Asked);
    }

    [Fact]
    public void When_the_encoder_fails_once_for_the_screen_the_classifier_asks_again_and_answers()
    {
        var encoder = new FailingEmbedder(SharedEmbedder.Instance);
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, encoder);
        var classifier = IntentClassifier.Load(KnowledgeFiles.Default.Model, encoder);
        var encoded = new SentenceEncoding("does ART hurt?", encoder);

        encoder.Failing = true;
        var verdict = screen.Screen(encoded.Text, encoded);
        encoder.Failing = false;
        var ranking = classifier.Classify(encoded);

        Assert.Contains(verdict.Failures, failure => failure.Layer == SafetyScreen.MeaningLayer);
        Assert.Equal(classifier.Classify("does ART hurt?").Top, ranking.Top);
    }
}
