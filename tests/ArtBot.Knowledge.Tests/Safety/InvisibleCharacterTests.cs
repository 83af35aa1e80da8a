using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;

namespace ArtBot.Knowledge.Tests.Safety;

/// <summary>A red flag with characters that show nothing inside its words is read as the words the person sees.</summary>
public sealed class InvisibleCharacterTests
{
    private static SafetyScreen Screen => SharedSafetyScreen.Instance;

    [Theory]
    [InlineData("I want to k\u200Bill myself")]
    [InlineData("I want to ki\u00ADll myself")]
    [InlineData("I want to k\u2060ill my\u200Dself")]
    [InlineData("I want to ｋｉｌｌ ｍｙｓｅｌｆ")]
    [InlineData("I want to \uFEFFkill\u200E myself")]
    public void Self_harm_written_with_invisible_or_full_width_characters_is_caught(string message)
    {
        Assert.Equal(SafetyTier.SelfHarm, Screen.Screen(message).Tier);
    }

    [Theory]
    [InlineData("does ART hurt?\u200B")]
    [InlineData("\u3164\u3164\u3164")]
    [InlineData("what are the side effects\uFE0F")]
    public void Ordinary_messages_with_invisible_characters_stay_ordinary(string message)
    {
        Assert.Equal(SafetyTier.None, Screen.Screen(message).Tier);
    }

    [Theory]
    [InlineData("k\u200Bill", "kill")]
    [InlineData("ｆｕｌｌ\u00A0width", "full width")]
    [InlineData("naïve café", "naïve café")]
    [InlineData("\u3164", "")]
    public void Keeps_what_shows_and_drops_what_does_not(string text, string visible)
    {
        Assert.Equal(visible, VisibleText.Of(text));
    }
}
