using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

/// <summary><paramref name="IsOrphaned"/>: the requesting user left while this leg stayed up, so they hear of it outside the meeting too.</summary>
public sealed record CallLegStateChanged(string TenantId, DateTimeOffset At, string LegId, string MeetingId, string? UserId, CallLegKind Kind, string ToNumber, CallLegState State, int MinutesPaid, bool IsOrphaned = false)
    : EngineEvent(TenantId, At);
