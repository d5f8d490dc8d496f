using MeetingBot.Cluster.Commands;

namespace MeetingBot.Cluster;

/// <summary>
/// "Fast forward": moves the deployment's demo clock and lets every tenant catch up (answer phones, pay or cut
/// off minutes, remind). The bot command and the API both come here. The offset is added in the store when there
/// is one — two hosts moving the clock at once both count — and every host catches up to it.
/// </summary>
public sealed class DemoTime(DemoClock clock, ITenants tenants, IDemoClockStore? store = null)
{
    public DemoClock Clock => clock;

    /// <summary>
    /// Fast forward for a host whose clock is <paramref name="time"/>: the registered one (store-backed) when it
    /// moves that clock, one without a store over it otherwise, or null when the clock is real.
    /// </summary>
    public static DemoTime? For(TimeProvider time, ITenants tenants, DemoTime? registered) =>
        time is DemoClock demo ? (registered?.Clock == demo ? registered : new DemoTime(demo, tenants)) : null;

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by)
    {
        DemoClock.CheckAdvance(by);
        if (store is null) clock.Advance(by);
        else clock.CatchUp(store.Add(by));
        await tenants.TickAllAsync();
        return clock.GetUtcNow();
    }

    /// <summary>Catches this host up with the stored offset (another host moved the clock).</summary>
    public void Sync()
    {
        if (store is not null) clock.CatchUp(store.Read());
    }
}
