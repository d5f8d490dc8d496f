using BenchmarkDotNet.Attributes;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>One minute boundary for 10,000 live legs: the per-leg cost of metering.</summary>
[MemoryDiagnoser]
public class MeteringBenchmarks
{
    private LegFleet _fleet = null!;

    [IterationSetup]
    public void Setup()
    {
        _fleet = new LegFleet(tenants: 10, legsPerTenant: 1_000).ConnectLegs();
        _fleet.Clock.Advance(TimeSpan.FromSeconds(61));
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int MinuteBoundary_10kLegs() => _fleet.Engine.Tick();
}
