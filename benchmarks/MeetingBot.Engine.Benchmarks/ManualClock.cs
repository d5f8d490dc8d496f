namespace MeetingBot.Engine.Benchmarks;

/// <summary>A clock the benchmark moves by hand (no test package in a benchmark).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
