namespace MeetingBot.Engine.Events;

/// <summary>
/// The user left the client while a person they added by phone is still connected: the call goes on (the person is
/// a participant of the meeting), and so does its cost, so the user who added them is told, with a way to end it.
/// </summary>
/// <param name="RatePerMinute">What the next minute costs from Communications Credits; null while it is paid from the pooled minutes.</param>
public sealed record AddedPhoneStillConnected(string TenantId, DateTimeOffset At, string UserId, string MeetingId, string LegId, string ToNumber,
    decimal? RatePerMinute, string Currency)
    : EngineEvent(TenantId, At);
