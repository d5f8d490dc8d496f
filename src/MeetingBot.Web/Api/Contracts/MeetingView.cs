namespace MeetingBot.Web.Api.Contracts;

/// <param name="Invite">As sent: dialIn is null when the organizer had no Audio Conferencing.</param>
/// <param name="Legs">Phone legs, shown to the organizer and participants only.</param>
public sealed record MeetingView(string Id, string Subject, string OrganizerId, string OrganizerName, DateTimeOffset Start, DateTimeOffset End,
    bool IsOrganizer, bool Ended, DateTimeOffset? EndedAt, MeetingBot.Engine.Meetings.MeetingInvite Invite, string LobbyBypass, bool DialInCallersBypass,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<CallLegView> Legs);
