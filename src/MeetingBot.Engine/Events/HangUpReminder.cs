namespace MeetingBot.Engine.Events;

/// <summary>A phone leg is still connected although its user left the client or the meeting ended.</summary>
public sealed record HangUpReminder(string TenantId, DateTimeOffset At, string UserId, string MeetingId, string LegId, string ToNumber, TimeSpan ConnectedFor, string Message)
    : EngineEvent(TenantId, At);
