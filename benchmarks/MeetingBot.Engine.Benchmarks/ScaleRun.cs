using System.Diagnostics;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// The scale figures of docs/benchmarks.md: memory per live leg, the cost of one minute boundary for all live
/// legs at once, the cost of an idle tick, and leg-minute debits per second — for growing numbers of legs.
/// </summary>
public static class ScaleRun
{
    private const int Boundaries = 7;

    public static void Run(int[] legCounts, TextWriter output)
    {
        Warm();
        output.WriteLine("| live legs | memory/leg (bytes) | idle tick (ms) | minute boundary, all legs (ms) | leg-minute debits/s |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var legs in legCounts)
        {
            var tenants = Math.Max(1, legs / 1000);
            // Memory of the legs alone: tenants, users and meetings are there before the first call is made.
            var fleet = new LegFleet(tenants, legs / tenants);
            var before = Allocated();
            fleet.ConnectLegs();
            var perLeg = (Allocated() - before) / (double)fleet.Legs;

            fleet.Clock.Advance(TimeSpan.FromSeconds(1));
            var idle = Time(() => fleet.Engine.Tick());

            var boundaries = new List<double>();
            for (var minute = 0; minute < Boundaries; minute++)
            {
                fleet.Clock.Advance(TimeSpan.FromSeconds(59));
                fleet.Engine.Tick(); // nothing due yet
                fleet.Clock.Advance(TimeSpan.FromSeconds(1));
                var paid = 0;
                boundaries.Add(Time(() => paid = fleet.Engine.Tick()));
                // Every leg must have paid its minute and still be up; anything else is not the figure asked for.
                if (paid != fleet.Legs || fleet.LiveLegs() != fleet.Legs)
                    throw new InvalidOperationException($"Boundary {minute + 1}: {paid:N0} legs metered, {fleet.LiveLegs():N0} live, of {fleet.Legs:N0}.");
            }
            var boundary = boundaries.Order().ElementAt(boundaries.Count / 2);
            var debitsPerSecond = fleet.Legs / (boundary / 1000.0);
            output.WriteLine($"| {fleet.Legs:N0} | {perLeg:N0} | {idle:N2} | {boundary:N1} | {debitsPerSecond:N0} |");
            GC.KeepAlive(fleet);
        }
    }

    /// <summary>
    /// The same rows through the product's tenant grains (<see cref="GrainFleet"/>): a boundary is every tenant's
    /// tick sent as a grain command at once, so it includes the calls, the activations' scheduling and the await of
    /// each tick's (empty) journal batch. Storage is off, as in the rows above: docs/benchmarks.md §2 measures the
    /// durable writes on their own.
    /// </summary>
    public static async Task RunThroughGrainsAsync(int[] legCounts, TextWriter output)
    {
        // As Warm(): enough rounds, with pauses for the background compiler, that the rows run optimized code.
        var warming = Stopwatch.StartNew();
        for (var round = 0; round < 4 || warming.Elapsed < TimeSpan.FromSeconds(10); round++)
        {
            await using var warm = await GrainFleet.StartAsync(10, 1_000);
            await warm.ConnectLegsAsync();
            for (var i = 0; i < LegFleet.PoolMinutesPerLeg - 2; i++)
            {
                warm.Clock.Advance(TimeSpan.FromSeconds(60));
                await warm.TickAsync();
            }
            await Task.Delay(200);
        }
        output.WriteLine("| live legs (through grains) | tenants | memory/leg (bytes) | idle tick (ms) | minute boundary, all legs (ms) | leg-minute debits/s |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var legs in legCounts)
        {
            var tenants = Math.Max(1, legs / 1000);
            await using var fleet = await GrainFleet.StartAsync(tenants, legs / tenants);
            var before = Allocated();
            await fleet.ConnectLegsAsync();
            var perLeg = (Allocated() - before) / (double)fleet.Legs;

            fleet.Clock.Advance(TimeSpan.FromSeconds(1));
            var idle = await TimeAsync(fleet.TickAsync);
            var boundaries = new List<double>();
            for (var minute = 0; minute < Boundaries; minute++)
            {
                fleet.Clock.Advance(TimeSpan.FromSeconds(59));
                await fleet.TickAsync();
                fleet.Clock.Advance(TimeSpan.FromSeconds(1));
                var paid = 0;
                boundaries.Add(await TimeAsync(async () => paid = await fleet.TickAsync()));
                if (paid != fleet.Legs) throw new InvalidOperationException($"Boundary {minute + 1}: {paid:N0} legs metered of {fleet.Legs:N0}.");
            }
            var live = await fleet.LiveLegsAsync();
            if (live != fleet.Legs) throw new InvalidOperationException($"{live:N0} legs live of {fleet.Legs:N0} after the boundaries.");
            var boundary = boundaries.Order().ElementAt(boundaries.Count / 2);
            output.WriteLine($"| {fleet.Legs:N0} | {tenants:N0} | {perLeg:N0} | {idle:N2} | {boundary:N1} | {fleet.Legs / (boundary / 1000.0):N0} |");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Runs every path often enough (at least four rounds and five seconds), with pauses for the background
    /// compiler, that the rows measure fully optimized code: with three ticks only, the first rows ran on the
    /// JIT's first-tier code, and rows measured later in the same process came out several times faster.
    /// </summary>
    private static void Warm()
    {
        var warming = Stopwatch.StartNew();
        for (var round = 0; round < 4 || warming.Elapsed < TimeSpan.FromSeconds(5); round++)
        {
            var fleet = new LegFleet(10, 1_000).ConnectLegs();
            for (var i = 0; i < LegFleet.PoolMinutesPerLeg - 2; i++)
            {
                fleet.Clock.Advance(TimeSpan.FromSeconds(60));
                fleet.Engine.Tick();
            }
            Thread.Sleep(200);
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
