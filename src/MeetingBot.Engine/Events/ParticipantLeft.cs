namespace MeetingBot.Engine.Events;

public sealed record ParticipantLeft(string TenantId, DateTimeOffset At, string MeetingId, string ParticipantId, string DisplayName)
    : EngineEvent(TenantId, At);
