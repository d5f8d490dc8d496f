namespace MeetingBot.Engine.Events;

public sealed record PoolLow(string TenantId, DateTimeOffset At, int ThresholdPercent, int MinutesUsed, int MinutesAvailable)
    : EngineEvent(TenantId, At);
