using MeetingBot.Cluster;
using MeetingBot.Storage;

namespace MeetingBot.Web.Storage;

/// <summary>The demo clock's offset as a shared counter: one offset for every host on the database, kept across restarts.</summary>
public sealed class SqlDemoClockStore(SharedCounters counters) : IDemoClockStore
{
    private const string Name = "demo_clock_offset_ticks";

    public TimeSpan Read() => TimeSpan.FromTicks(counters.Read(Name));

    public TimeSpan Add(TimeSpan by) => TimeSpan.FromTicks(counters.Add(Name, by.Ticks));
}
