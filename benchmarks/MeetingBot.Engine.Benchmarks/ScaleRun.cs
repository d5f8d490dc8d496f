using System.Diagnostics;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// The scale figures of docs/benchmarks.md: memory per live leg, the cost of one minute boundary for all live
/// legs at once, the cost of an idle tick, and leg-minute debits per second — for growing numbers of legs.
/// </summary>
public static class ScaleRun
{
    public static void Run(int[] legCounts, TextWriter output)
    {
        Warm();
        output.WriteLine("| live legs | memory/leg (bytes) | idle tick (ms) | minute boundary, all legs (ms) | leg-minute debits/s |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var legs in legCounts)
        {
            var tenants = Math.Max(1, legs / 1000);
            var before = Allocated();
            var fleet = new LegFleet(tenants, legs / tenants);
            var perLeg = (Allocated() - before) / (double)fleet.Legs;

            fleet.Clock.Advance(TimeSpan.FromSeconds(1));
            var idle = Time(() => fleet.Engine.Tick());

            var boundaries = new List<double>();
            for (var minute = 0; minute < 5; minute++)
            {
                fleet.Clock.Advance(TimeSpan.FromSeconds(59));
                fleet.Engine.Tick(); // nothing due yet
                fleet.Clock.Advance(TimeSpan.FromSeconds(1));
                boundaries.Add(Time(() => fleet.Engine.Tick()));
            }
            var boundary = boundaries.Order().ElementAt(boundaries.Count / 2);
            var debitsPerSecond = fleet.Legs / (boundary / 1000.0);
            output.WriteLine($"| {fleet.Legs:N0} | {perLeg:N0} | {idle:N2} | {boundary:N1} | {debitsPerSecond:N0} |");
            GC.KeepAlive(fleet);
        }
    }

    /// <summary>Runs every path once so the first row does not pay for JIT compilation.</summary>
    private static void Warm()
    {
        var fleet = new LegFleet(2, 200);
        for (var i = 0; i < 3; i++)
        {
            fleet.Clock.Advance(TimeSpan.FromSeconds(61));
            fleet.Engine.Tick();
        }
    }

    private static long Allocated()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }
}
