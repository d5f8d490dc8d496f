namespace MeetingBot.Engine.Events;

public sealed record CreditsChanged(string TenantId, DateTimeOffset At, decimal Balance, string Reason)
    : EngineEvent(TenantId, At);
