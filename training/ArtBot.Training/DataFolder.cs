using ArtBot.Knowledge;

namespace ArtBot.Training;

/// <summary>The trainer reads and writes the knowledge data in the source tree, not the copy in its own output folder.</summary>
public static class DataFolder
{
    private static readonly string RelativeToRepository = Path.Combine("knowledge", "ArtBot.Knowledge", "Data");

    public static KnowledgeFiles Locate(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            return new KnowledgeFiles(Path.GetFullPath(explicitDirectory));
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativeToRepository);
                if (File.Exists(Path.Combine(candidate, KnowledgeFiles.KnowledgeBaseFileName)))
                {
                    return new KnowledgeFiles(candidate);
                }
            }
        }
        throw new DirectoryNotFoundException($"Could not find {RelativeToRepository} above {Directory.GetCurrentDirectory()}; run from the repository or pass --data <folder>.");
    }
}
