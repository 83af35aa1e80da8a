using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Knowledge.Validation;

/// <summary>How many examples each intent needs: enough for the model to learn the many ways people ask.</summary>
public sealed record UtteranceRules(int PerArticleTopic, int PerSmallTalk, int ForNone)
{
    public static UtteranceRules Training { get; } = new(PerArticleTopic: 40, PerSmallTalk: 20, ForNone: 150);
    public static UtteranceRules HeldOut { get; } = new(PerArticleTopic: 15, PerSmallTalk: 15, ForNone: 15);

    public int MinimumFor(string intent, KnowledgeBaseDocument document) =>
        intent == Intent.None ? ForNone
        : document.Entries.Any(entry => entry.Id == intent && entry.SmallTalk) ? PerSmallTalk
        : PerArticleTopic;
}
