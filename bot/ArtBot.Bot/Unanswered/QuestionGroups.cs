using ArtBot.Knowledge.Embeddings;

namespace ArtBot.Bot.Unanswered;

/// <summary>
/// Unanswered questions that mean the same ("do you sell gift cards", "gift card for my mum?") grouped by the sentence
/// encoder: a question joins the first group whose first question it is close to, otherwise starts its own.
/// </summary>
public static class QuestionGroups
{
    /// <summary>
    /// Cosine similarity of all-MiniLM-L6-v2 above which two short questions are taken as the same. Measured on
    /// wordings of one question ("do you sell gift cards" / "can I buy a gift card for my mum" / "can i get a gift
    /// voucher": 0.56 to 0.98; "is parking free" / "where can i park": 0.52) against different questions (0.05 to 0.24).
    /// </summary>
    public const float SameQuestion = 0.5f;

    public sealed record Group(string Representative, int Count, IReadOnlyList<string> Variants);

    public static IReadOnlyList<Group> Of(IReadOnlyList<string> questions, ISentenceEmbedder embedder, int max)
    {
        var distinct = questions.GroupBy(question => question.Trim().ToLowerInvariant()).Select(same => (Text: same.First().Trim(), Count: same.Count()))
            .OrderByDescending(question => question.Count).ToList();
        var vectors = distinct.Count == 0 ? [] : embedder.EmbedMany([.. distinct.Select(question => question.Text)]);
        var groups = new List<(float[] Vector, List<(string Text, int Count)> Members)>();
        for (var index = 0; index < distinct.Count; index++)
        {
            var group = groups.FirstOrDefault(candidate => Cosine(candidate.Vector, vectors[index]) >= SameQuestion);
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
            .Select(group => new Group(group.Members[0].Text, group.Members.Sum(member => member.Count), [.. group.Members.Skip(1).Select(member => member.Text)]))
            .OrderByDescending(group => group.Count)
            .Take(max)];
    }

    private static float Cosine(float[] a, float[] b)
    {
        float dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / (MathF.Sqrt(normA) * MathF.Sqrt(normB) + 1e-9f);
    }
}
