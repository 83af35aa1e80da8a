namespace ArtBot.Knowledge.Embeddings;

public static class VectorMath
{
    /// <summary>Cosine similarity of two unit-length vectors: their dot product.</summary>
    public static float Cosine(ReadOnlySpan<float> left, ReadOnlySpan<float> right) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(left, right);
}
