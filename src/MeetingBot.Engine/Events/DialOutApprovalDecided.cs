using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

/// <summary>
/// The organizer approved or denied a held dial-out, or it expired: the requester (and the organizer) are told.
/// <paramref name="Message"/> is the requester's sentence.
/// </summary>
public sealed record DialOutApprovalDecided(string TenantId, DateTimeOffset At, DialOutApproval Approval, string Message)
    : EngineEvent(TenantId, At);
