namespace MeetingBot.Web.Hubs.Messages;

/// <param name="State">Ringing, Connected, CutOff or Ended.</param>
/// <param name="Kind">CallMe, AddedParticipant, DialInToll or DialInTollFree.</param>
public sealed record CallLegStateChangedMessage(string MeetingId, string LegId, string? UserId, string Kind, string ToNumber, string ToDisplay, string State, int MinutesPaid, DateTimeOffset At);
