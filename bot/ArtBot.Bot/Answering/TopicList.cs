using ArtBot.Knowledge.Content;

namespace ArtBot.Bot.Answering;

/// <summary>Fills the <c>{topics}</c> placeholder with the article topics, so "what I can answer" never drifts from the knowledge base.</summary>
public static class TopicList
{
    public const string Placeholder = "{topics}";

    public static string Expand(string text, KnowledgeBase knowledgeBase) =>
        text.Contains(Placeholder, StringComparison.Ordinal)
            ? text.Replace(Placeholder, Render(knowledgeBase), StringComparison.Ordinal)
            : text;

    private static string Render(KnowledgeBase knowledgeBase) => string.Join('\n',
        knowledgeBase.Entries.Where(entry => entry.IsArticleTopic).Select(entry => $"- {entry.Title}"));
}
