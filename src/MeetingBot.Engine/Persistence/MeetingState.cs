using MeetingBot.Engine.Meetings;

namespace MeetingBot.Engine.Persistence;

public sealed record MeetingState(string Id, string TenantId, string OrganizerId, string Subject, DateTimeOffset Start, DateTimeOffset End,
    string? ConferenceId, LobbyBypass LobbyBypass, bool DialInCallersBypass, DateTimeOffset? EndedAt);
