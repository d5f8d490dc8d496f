using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

public sealed record CallLegStateChanged(string TenantId, DateTimeOffset At, string LegId, string MeetingId, string? UserId, CallLegKind Kind, string ToNumber, CallLegState State, int MinutesPaid)
    : EngineEvent(TenantId, At);
