namespace MeetingBot.Web.Hubs.Messages;

/// <summary>Your phone is still connected although you left the client (repeated while the leg is up).</summary>
public sealed record HangUpReminderMessage(string MeetingId, string LegId, string ToNumber, string ToDisplay, int ConnectedForSeconds, string Message, DateTimeOffset At);
