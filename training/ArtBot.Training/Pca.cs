namespace ArtBot.Training;

/// <summary>Principal components by the cyclic Jacobi method on the covariance matrix: small enough here (384 × 384).</summary>
public static class Pca
{
    /// <summary>The rows centred and projected on their <paramref name="dimensions"/> largest principal components.</summary>
    public static float[][] Reduce(float[][] rows, int dimensions)
    {
        var width = rows[0].Length;
        var mean = new double[width];
        foreach (var row in rows)
        {
            for (var index = 0; index < width; index++)
            {
                mean[index] += row[index] / (double)rows.Length;
            }
        }
        var covariance = new double[width, width];
        var centred = new double[width];
        foreach (var row in rows)
        {
            for (var index = 0; index < width; index++)
            {
                centred[index] = row[index] - mean[index];
            }
            for (var first = 0; first < width; first++)
            {
                for (var second = first; second < width; second++)
                {
                    covariance[first, second] += centred[first] * centred[second];
                }
            }
        }
        for (var first = 0; first < width; first++)
        {
            for (var second = 0; second < first; second++)
            {
                covariance[first, second] = covariance[second, first];
            }
        }
        var (values, vectors) = Eigen(covariance);
        var order = Enumerable.Range(0, width).OrderByDescending(index => values[index]).Take(dimensions).ToArray();
        return [.. rows.Select(row =>
        {
            var projected = new float[order.Length];
            for (var component = 0; component < order.Length; component++)
            {
                var sum = 0.0;
                for (var index = 0; index < width; index++)
                {
                    sum += (row[index] - mean[index]) * vectors[index, order[component]];
                }
                projected[component] = (float)sum;
            }
            return projected;
        })];
    }

    private static (double[] Values, double[,] Vectors) Eigen(double[,] matrix)
    {
        var size = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[size, size];
        for (var index = 0; index < size; index++)
        {
            v[index, index] = 1;
        }
        for (var sweep = 0; sweep < 50; sweep++)
        {
            var offDiagonal = 0.0;
            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    offDiagonal += a[p, q] * a[p, q];
                }
            }
            if (offDiagonal < 1e-18)
            {
                break;
            }
            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-15)
                    {
                        continue;
                    }
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < size; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < size; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < size; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        return ([.. Enumerable.Range(0, size).Select(index => a[index, index])], v);
    }
}
