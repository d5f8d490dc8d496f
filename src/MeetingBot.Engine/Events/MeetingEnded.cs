namespace MeetingBot.Engine.Events;

public sealed record MeetingEnded(string TenantId, DateTimeOffset At, string MeetingId, string EndedByUserId, int PhoneLegsStillConnected)
    : EngineEvent(TenantId, At);
