namespace MeetingBot.Web.Hubs.Messages;

/// <summary>The user left the client while someone they added by phone is still connected (and costing).</summary>
/// <param name="RatePerMinute">The credits charged per minute now; null while the pooled minutes pay.</param>
public sealed record AddedPhoneStillConnectedMessage(string MeetingId, string LegId, string ToNumber, string ToDisplay, decimal? RatePerMinute,
    string Currency, string Message, DateTimeOffset At);
