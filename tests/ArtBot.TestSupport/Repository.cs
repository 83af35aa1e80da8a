namespace ArtBot.TestSupport;

public static class Repository
{
    /// <summary>The folder holding ArtBot.sln, found above the running test or bench.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArtBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("ArtBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
