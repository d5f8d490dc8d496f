using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Persistence;

public sealed record PoolUsage(DateOnly Month, Capability Capability, int MinutesUsed);
