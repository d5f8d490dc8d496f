namespace MeetingBot.Web.Hubs.Messages;

/// <summary>The tenant policy ended a phone leg left connected after its user left.</summary>
public sealed record OrphanedLegEndedMessage(string MeetingId, string LegId, string ToNumber, string ToDisplay, DateTimeOffset At);
