namespace Serverless.Bench.Workloads;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
internal static class Percentiles
{
    public static (double P50, double P99) Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0);
        }

        return (Rank(sorted, 0.50), Rank(sorted, 0.99));
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
