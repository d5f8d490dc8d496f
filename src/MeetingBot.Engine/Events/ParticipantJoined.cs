namespace MeetingBot.Engine.Events;

public sealed record ParticipantJoined(string TenantId, DateTimeOffset At, string MeetingId, string ParticipantId, string DisplayName, bool IsPhoneOnly, bool InLobby)
    : EngineEvent(TenantId, At);
