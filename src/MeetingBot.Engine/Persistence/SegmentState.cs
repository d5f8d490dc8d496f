using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Persistence;

public sealed record SegmentState(Capability Capability, DateTimeOffset Start, int Minutes, decimal Charge);
