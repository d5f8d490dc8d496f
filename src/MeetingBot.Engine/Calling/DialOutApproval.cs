namespace MeetingBot.Engine.Calling;

/// <summary>
/// A dial-out held for the meeting organizer's approval (toll-fraud guardrail). Immutable: the engine replaces it as it
/// moves from <see cref="ApprovalStatus.Pending"/> to approved, denied or expired; the call is placed only on approval.
/// </summary>
/// <param name="Number">The number as it would be dialed (E.164).</param>
/// <param name="RatePerMinute">Its price on Communications Credits.</param>
/// <param name="DecidedBy">The organizer, or "system" when it expired.</param>
/// <param name="LegId">The call placed on approval.</param>
/// <param name="CallRefusal">Approved, but the call met a refusal when it was placed (meeting ended, budget spent…).</param>
public sealed record DialOutApproval(
    string Id, string TenantId, string MeetingId, string RequesterId, string RequesterName, string OrganizerId, string OrganizerName, CallLegKind Kind, string Number, string RegionCode,
    decimal RatePerMinute, string Currency, ApprovalReason Reason, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt,
    ApprovalStatus Status = ApprovalStatus.Pending, DateTimeOffset? DecidedAt = null, string? DecidedBy = null, string? LegId = null,
    EngineError? CallRefusal = null)
{
    public bool IsPending => Status == ApprovalStatus.Pending;
}
