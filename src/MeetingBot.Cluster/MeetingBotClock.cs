namespace MeetingBot.Cluster;

/// <summary>
/// The product's clock is a keyed service: the tenants' engines, the bot and the API read
/// <c>[FromKeyedServices(MeetingBotClock.Key)] TimeProvider</c>. The unkeyed <see cref="TimeProvider"/> stays the
/// system clock for the runtime (Orleans membership probes, timers): a demo clock moved 30 minutes ahead there
/// made every other host declare this one dead.
/// </summary>
public static class MeetingBotClock
{
    public const string Key = "MeetingBot.Clock";
}
