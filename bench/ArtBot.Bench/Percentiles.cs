namespace ArtBot.Bench;

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedValues, double percentile) =>
        sortedValues[Math.Min(sortedValues.Count - 1, (int)Math.Ceiling(percentile / 100 * sortedValues.Count) - 1)];

    public static string Describe(List<double> milliseconds)
    {
        milliseconds.Sort();
        return $"median {Of(milliseconds, 50):0.000} ms, p99 {Of(milliseconds, 99):0.000} ms, max {milliseconds[^1]:0.000} ms over {milliseconds.Count:N0}";
    }
}
