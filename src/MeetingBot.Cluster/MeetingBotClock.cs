namespace MeetingBot.Cluster;

/// <summary>
/// The product's clock is a keyed service: the tenants' engines, the bot and the API read
/// <c>[FromKeyedServices(MeetingBotClock.Key)] TimeProvider</c>. The unkeyed <see cref="TimeProvider"/> stays the
/// system clock for the runtime (Orleans membership probes, timers, grain-call timeouts): a demo clock moved 30 minutes
/// ahead there made every other host declare this one dead, and a test clock moved 30 s ahead during a grain call
/// failed that call with "Response did not arrive on time". Hosts and tests register their clock under this key only.
/// </summary>
public static class MeetingBotClock
{
    public const string Key = "MeetingBot.Clock";
}
