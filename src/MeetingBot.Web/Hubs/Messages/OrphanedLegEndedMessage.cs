namespace MeetingBot.Web.Hubs.Messages;

/// <summary>The tenant policy ended a phone leg left connected after its user left.</summary>
/// <param name="Reason">EndedAfterPolicyTime (End policy or the host-wide option) or NoAnswerToStayPrompt (Ask policy: no 1 pressed in time).</param>
/// <param name="Message">What to show, the bot's words.</param>
public sealed record OrphanedLegEndedMessage(string MeetingId, string LegId, string ToNumber, string ToDisplay, DateTimeOffset At,
    string Reason = "EndedAfterPolicyTime", string? Message = null);
