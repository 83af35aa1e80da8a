using ArtBot.Knowledge.Embeddings;

namespace ArtBot.Bot.Unanswered;

/// <summary>
/// Unanswered questions that mean the same ("do you sell gift cards", "gift card for my mum?") grouped by the sentence
/// encoder: a question joins the first group whose first question it is close to, otherwise starts its own. A group
/// counts the conversations that asked it, not the times: one visitor sending a text forty times counts once.
/// </summary>
public static class QuestionGroups
{
    /// <summary>
    /// Cosine similarity of all-MiniLM-L6-v2 above which two short questions are taken as the same. Measured on
    /// wordings of one question ("do you sell gift cards" / "can I buy a gift card for my mum" / "can i get a gift
    /// voucher": 0.56 to 0.98; "is parking free" / "where can i park": 0.52) against different questions (0.05 to 0.24).
    /// </summary>
    public const float SameQuestion = 0.5f;

    /// <param name="Count">How many conversations asked it.</param>
    public sealed record Group(string Representative, int Count, IReadOnlyList<string> Variants);

    /// <param name="questions">Each question with the conversation that asked it.</param>
    public static IReadOnlyList<Group> Of(IReadOnlyList<(string Text, string Conversation)> questions, ISentenceEmbedder embedder, int max)
    {
        var distinct = questions.GroupBy(question => question.Text.Trim().ToLowerInvariant())
            .Select(same => (Text: same.First().Text.Trim(), Askers: same.Select(question => question.Conversation).ToHashSet(StringComparer.Ordinal)))
            .OrderByDescending(question => question.Askers.Count).ToList();
        var vectors = distinct.Count == 0 ? [] : embedder.EmbedMany([.. distinct.Select(question => question.Text)]);
        var groups = new List<(float[] Vector, List<(string Text, HashSet<string> Askers)> Members)>();
        for (var index = 0; index < distinct.Count; index++)
        {
            var group = groups.FirstOrDefault(candidate => VectorMath.Cosine(candidate.Vector, vectors[index]) >= SameQuestion);
            if (group.Members is null)
            {
                groups.Add((vectors[index], [distinct[index]]));
            }
            else
            {
                group.Members.Add(distinct[index]);
            }
        }
        return [.. groups
            .Select(group => new Group(group.Members[0].Text, group.Members.SelectMany(member => member.Askers).Distinct(StringComparer.Ordinal).Count(), [.. group.Members.Skip(1).Select(member => member.Text)]))
            .OrderByDescending(group => group.Count)
            .Take(max)];
    }
}
