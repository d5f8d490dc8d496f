namespace MeetingBot.Web.Hubs.Messages;

public sealed record ParticipantLeftMessage(string MeetingId, string ParticipantId, string DisplayName, DateTimeOffset At);
