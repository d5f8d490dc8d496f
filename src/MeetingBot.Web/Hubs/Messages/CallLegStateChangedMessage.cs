namespace MeetingBot.Web.Hubs.Messages;

/// <param name="State">Ringing, Connected, CutOff or Ended.</param>
/// <param name="Kind">CallMe, AddedParticipant, DialInToll or DialInTollFree.</param>
/// <param name="Muted">The phone muted itself with *6 (sent again, same state, when that changes).</param>
public sealed record CallLegStateChangedMessage(string MeetingId, string LegId, string? UserId, string Kind, string ToNumber, string ToDisplay, string State, int MinutesPaid, DateTimeOffset At,
    bool Muted = false);
