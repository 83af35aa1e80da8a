using ArtBot.Knowledge.Embeddings;
using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Embeddings;

/// <summary>
/// The safety screen reads a lower-cased copy of the message and the intent classifier the message as typed; the turn's
/// one encoding (<see cref="SentenceEncoding"/>) serves both, which is right only because the model cannot tell them apart.
/// </summary>
public sealed class UncasedEncodingTests
{
    [Fact]
    public void A_message_as_typed_and_lower_cased_has_the_same_vector_so_one_turn_encodes_it_once()
    {
        const string typed = "Does ART Hurt When You Have A Frozen SHOULDER, Or Only A Little?";
        using var fresh = new MiniLmSentenceEmbedder();

        var asTyped = SharedEmbedder.Instance.Embed(typed);
        var lowerCased = fresh.Embed(typed.ToLowerInvariant());

        Assert.Equal(asTyped, lowerCased);
        Assert.Same(lowerCased, fresh.Embed(typed));
    }
}
