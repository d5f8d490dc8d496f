namespace MeetingBot.Web.Hubs.Messages;

/// <summary>
/// To the user who dialed a call and to the meeting's organizer: what can still pay for the call covers only
/// <paramref name="MinutesLeft"/> minutes (threshold <paramref name="ThresholdMinutes"/>); the phone heard <paramref name="Message"/>.
/// <paramref name="CanAddFunds"/> is true for the tenant admins among them.
/// </summary>
public sealed record CutOffWarningMessage(string MeetingId, string LegId, string ToNumber, string ToDisplay, int ThresholdMinutes, int MinutesLeft,
    string Message, bool CanAddFunds, DateTimeOffset At);
