namespace MeetingBot.Web.Engine;

/// <summary>
/// The local demo's clock: real time plus an offset that a person can push forward ("fast forward 30"), so
/// running a tenant out of its 60-minute-per-license pool takes seconds, not hours. Never goes backwards.
/// Used only in local dev mode; tests use FakeTimeProvider instead.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public static TimeSpan MaxAdvance { get; } = TimeSpan.FromDays(31);

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public void Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero || by > MaxAdvance)
            throw new ArgumentOutOfRangeException(nameof(by), by, $"Advance by more than zero and at most {MaxAdvance.TotalDays} days.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
