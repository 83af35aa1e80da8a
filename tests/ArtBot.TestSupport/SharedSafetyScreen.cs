using ArtBot.Knowledge;
using ArtBot.Knowledge.Safety;

namespace ArtBot.TestSupport;

/// <summary>
/// One safety screen over the shipped rules for a whole test run, its phrase rules compiled as the bot compiles them
/// after start-up: about 4 s of one core once, where every app a test starts would otherwise pay again for the same
/// files, and the sets the tests screen read about four times faster than with the interpreter.
/// </summary>
public static class SharedSafetyScreen
{
    private static readonly Lazy<SafetyScreen> Screen = new(() =>
    {
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, SharedEmbedder.Instance);
        screen.Rules.Compile();
        return screen;
    });

    public static SafetyScreen Instance => Screen.Value;
}
