using ArtBot.Knowledge;
using ArtBot.Knowledge.Languages;

namespace ArtBot.TestSupport;

/// <summary>The language detector over the shipped languages, loaded once for a whole test run (about 40 MB of models).</summary>
public static class SharedLanguageGate
{
    private static readonly Lazy<LanguageGate> Gate = new(() => LanguageGate.Load(KnowledgeFiles.Default));

    public static LanguageGate Instance => Gate.Value;
}
