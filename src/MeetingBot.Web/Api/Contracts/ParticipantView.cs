namespace MeetingBot.Web.Api.Contracts;

public sealed record ParticipantView(string Id, string? UserId, string DisplayName, bool IsPhoneOnly, bool InClient, bool InLobby, string AudioMode, string? PhoneLegId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);
