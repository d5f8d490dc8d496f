namespace MeetingBot.Web.Hubs.Messages;

public sealed record ParticipantJoinedMessage(string MeetingId, string ParticipantId, string DisplayName, bool IsPhoneOnly, bool InLobby, DateTimeOffset At);
