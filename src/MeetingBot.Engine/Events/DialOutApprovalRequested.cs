using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

/// <summary>A dial-out waits for the organizer's approval: the organizer gets a card with Approve and Deny.</summary>
public sealed record DialOutApprovalRequested(string TenantId, DateTimeOffset At, DialOutApproval Approval)
    : EngineEvent(TenantId, At);
