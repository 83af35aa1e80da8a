using ArtBot.Knowledge;
using ArtBot.Knowledge.Safety;

namespace ArtBot.TestSupport;

/// <summary>
/// One safety screen over the shipped rules for a whole test run. Its first reading compiles several hundred phrase
/// rules (about 2 s, most of an app's start), which every app a test starts would otherwise pay again for the same files.
/// </summary>
public static class SharedSafetyScreen
{
    private static readonly Lazy<SafetyScreen> Screen = new(() => SafetyScreen.Load(KnowledgeFiles.Default, SharedEmbedder.Instance));

    public static SafetyScreen Instance => Screen.Value;
}
