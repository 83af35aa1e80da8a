using ArtBot.Knowledge.Embeddings;
using ArtBot.Training;

namespace ArtBot.Training.Tests;

public sealed class StaticTableTests
{
    [Fact]
    public void Principal_components_keep_the_direction_the_points_spread_along()
    {
        // Points along (3, 4)/5 with a little noise across it: the first component is their position along the line.
        var random = new Random(7);
        var rows = Enumerable.Range(0, 200).Select(index =>
        {
            var along = index - 100f;
            var across = (float)(random.NextDouble() - 0.5) * 0.1f;
            return new[] { along * 0.6f - across * 0.8f + 10, along * 0.8f + across * 0.6f - 5 };
        }).ToArray();

        var reduced = Pca.Reduce(rows, dimensions: 1);

        Assert.All(reduced, row => Assert.Single(row));
        var sign = Math.Sign(reduced[199][0] - reduced[0][0]);
        for (var index = 0; index < rows.Length; index++)
        {
            Assert.Equal(index - 99.5, sign * reduced[index][0], tolerance: 0.1); // centred: the mean position is -0.5
        }
    }

    [Fact]
    public void A_sentence_is_the_normalised_sum_of_its_tokens_rows_and_words_outside_it_change_nothing()
    {
        // A table where only "knee" (id 6181 in all-MiniLM-L6-v2's vocabulary) and "pain" (3255) have a direction.
        var rows = Enumerable.Range(0, 30522).Select(_ => new float[4]).ToArray();
        rows[6181] = [1, 0, 0, 0];
        rows[3255] = [0, 1, 0, 0];
        var path = Path.GetTempFileName();
        try
        {
            StaticTokenEmbedder.Save(path, rows);
            var table = StaticTokenEmbedder.Load(path);

            var vector = table.Embed("my knee pain");

            Assert.Equal(1 / MathF.Sqrt(2), vector[0], tolerance: 0.01f);
            Assert.Equal(1 / MathF.Sqrt(2), vector[1], tolerance: 0.01f);
            Assert.Equal(vector, table.Embed("knee pain"));
            Assert.Contains("distilled", table.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
