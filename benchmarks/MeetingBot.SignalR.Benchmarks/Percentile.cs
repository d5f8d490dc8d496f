namespace MeetingBot.SignalR.Benchmarks;

public static class Percentile
{
    /// <summary>Nearest-rank percentile of <paramref name="values"/> (0 when empty).</summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
