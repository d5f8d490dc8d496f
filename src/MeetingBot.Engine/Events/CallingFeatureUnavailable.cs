namespace MeetingBot.Engine.Events;

/// <summary>A dial-out was refused or a call was cut off: tell the user the exact Teams words.</summary>
public sealed record CallingFeatureUnavailable(string TenantId, DateTimeOffset At, string UserId, string? MeetingId, EngineError Reason, string Message)
    : EngineEvent(TenantId, At);
