using ArtBot.Bot.Answering;

namespace ArtBot.Bot.Tests.Answering;

public sealed class ShortTextTests
{
    [Fact]
    public void Text_that_fits_is_kept_whole() => Assert.Equal("Short enough.", ShortText.Cut("Short enough.", 13));

    [Fact]
    public void Longer_text_is_cut_at_a_word_with_an_ellipsis_within_the_limit()
    {
        var cut = ShortText.Cut("Active release therapy is not generally painful, though some pressure is felt.", 40);

        Assert.Equal("Active release therapy is not generally…", cut);
        Assert.True(cut.Length <= 40);
    }

    [Fact]
    public void One_long_word_is_cut_inside_it() => Assert.Equal("abcd…", ShortText.Cut("abcdefghij", 5));
}
