namespace ArtBot.Knowledge.Validation;

/// <summary>Thrown when the knowledge data is refused; its message lists every problem found.</summary>
public sealed class InvalidKnowledgeException(string directory, IReadOnlyList<KnowledgeProblem> problems)
    : Exception(Describe(directory, problems))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;

    private static string Describe(string directory, IReadOnlyList<KnowledgeProblem> problems) =>
        $"The knowledge data in {directory} is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + string.Concat(problems.Select(problem => Environment.NewLine + "  - " + problem));
}
