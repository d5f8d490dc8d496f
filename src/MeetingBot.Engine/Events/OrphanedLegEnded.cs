namespace MeetingBot.Engine.Events;

/// <summary>The tenant's orphaned-leg policy ended a phone leg on the user's behalf; <paramref name="Reason"/> says which rule.</summary>
public sealed record OrphanedLegEnded(string TenantId, DateTimeOffset At, string UserId, string MeetingId, string LegId, string ToNumber,
    OrphanedLegEndReason Reason = OrphanedLegEndReason.EndedAfterPolicyTime)
    : EngineEvent(TenantId, At);
