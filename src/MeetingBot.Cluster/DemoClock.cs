namespace MeetingBot.Cluster;

/// <summary>
/// The local demo's clock: real time plus an offset that a person can push forward ("fast forward 30"), so
/// running a tenant out of its 60-minute-per-license pool takes seconds, not hours. Never goes backwards.
/// Used only in local dev mode; tests use FakeTimeProvider instead.
/// <para>
/// With several hosts the offset is one for the whole deployment: the store holds it (so it also survives a
/// restart), every host catches up to it, and every call to a tenant grain carries the caller's offset, so the
/// host that owns the tenant is never behind the host that moved the clock (see <see cref="GrainTenants"/>).
/// </para>
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    /// <summary>The request-context key under which a grain call carries the caller's offset (ticks).</summary>
    internal const string OffsetKey = "meetingbot-demo-clock-offset";

    private long _offsetTicks;

    public static TimeSpan MaxAdvance { get; } = TimeSpan.FromDays(31);

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Checks a person's fast-forward: more than zero and at most <see cref="MaxAdvance"/>.</summary>
    public static void CheckAdvance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero || by > MaxAdvance)
            throw new ArgumentOutOfRangeException(nameof(by), by, $"Advance by more than zero and at most {MaxAdvance.TotalDays} days.");
    }

    public void Advance(TimeSpan by)
    {
        CheckAdvance(by);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Moves the offset up to <paramref name="offset"/> if it is behind (another host moved the clock); never back.</summary>
    public void CatchUp(TimeSpan offset)
    {
        long current;
        while ((current = Interlocked.Read(ref _offsetTicks)) < offset.Ticks)
            if (Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, current) == current) return;
    }
}
