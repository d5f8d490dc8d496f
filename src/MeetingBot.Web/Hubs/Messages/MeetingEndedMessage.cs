namespace MeetingBot.Web.Hubs.Messages;

/// <param name="PhoneLegsStillConnected">"Call me" legs that stayed up: their users get HangUpReminder.</param>
public sealed record MeetingEndedMessage(string MeetingId, string EndedByUserId, int PhoneLegsStillConnected, DateTimeOffset At);
