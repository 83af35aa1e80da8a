using ArtBot.Knowledge.Embeddings;

namespace ArtBot.Knowledge.Tests.Embeddings;

/// <summary>The app can stop while its warm-up is still encoding on another thread: the native session is freed only after.</summary>
public sealed class SentenceEncoderDisposalTests
{
    [Fact]
    public async Task Disposing_the_encoder_while_it_encodes_waits_for_it_and_then_refuses_new_sentences()
    {
        var encoder = new MiniLmSentenceEmbedder();
        var sentences = Enumerable.Range(0, 64).Select(number => $"my shoulder has hurt for {number} days after painting").ToList();
        var encoding = Task.Run(() => encoder.EmbedMany(sentences));
        while (encoding.Status < TaskStatus.Running)
        {
            await Task.Yield();
        }

        encoder.Dispose();

        var finished = await Record.ExceptionAsync(async () => Assert.All(await encoding, vector => Assert.Equal(MiniLmSentenceEmbedder.Dimensions, vector.Length)));
        Assert.True(finished is null or ObjectDisposedException, finished?.ToString());
        Assert.Throws<ObjectDisposedException>(() => encoder.Embed("does ART hurt?"));
    }
}
