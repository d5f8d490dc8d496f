using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

/// <summary>
/// <paramref name="IsOrphaned"/>: the requesting user left while this leg stayed up, so they hear of it outside the meeting too.
/// <paramref name="IsMuted"/>: the phone muted itself with *6 (raised again, same state, when that changes).
/// <paramref name="CutOffReason"/>: for a cut-off, Teams' error (pool and credits spent) or the dialing user's spent budget.
/// </summary>
public sealed record CallLegStateChanged(string TenantId, DateTimeOffset At, string LegId, string MeetingId, string? UserId, CallLegKind Kind, string ToNumber, CallLegState State, int MinutesPaid, bool IsOrphaned = false, bool IsMuted = false,
    EngineError? CutOffReason = null)
    : EngineEvent(TenantId, At);
