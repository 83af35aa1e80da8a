using ArtBot.Knowledge;

namespace ArtBot.Training.Tests;

public sealed class DataFolderTests
{
    [Fact]
    public void Finds_the_knowledge_data_in_the_source_tree_not_the_build_output()
    {
        var files = DataFolder.Locate(explicitDirectory: null);

        Assert.EndsWith(Path.Combine("knowledge", "ArtBot.Knowledge", "Data"), files.Directory);
        Assert.DoesNotContain($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", files.Directory);
        Assert.True(File.Exists(files.KnowledgeBase));
    }

    [Fact]
    public void Uses_the_folder_it_is_given()
    {
        Assert.Equal(Path.GetFullPath("some/where"), DataFolder.Locate("some/where").Directory);
    }
}
