using MeetingBot.Engine.Meetings;

namespace MeetingBot.Engine.Snapshots;

/// <summary>
/// A meeting as it was inside its tenant's turn: immutable, so bot cards, API views and hub messages can read it
/// on any thread, and it can cross the cluster's grain boundary. <see cref="Participants"/> is the whole history,
/// as on <see cref="Meeting"/>.
/// </summary>
public sealed record MeetingSnapshot(
    string Id,
    string TenantId,
    string OrganizerId,
    string Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    string JoinUrl,
    string? ConferenceId,
    LobbySettings Lobby,
    MeetingInvite Invite,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ParticipantSnapshot> Participants)
{
    public bool IsEnded => EndedAt is not null;

    /// <summary>People in the meeting now: in the client, or on a connected phone leg.</summary>
    public IEnumerable<ParticipantSnapshot> Present => Participants.Where(p => p.LeftAt is null);

    public bool HasParticipant(string? userId) =>
        userId is not null && Participants.Any(p => string.Equals(p.UserId, userId, StringComparison.OrdinalIgnoreCase));

    public static MeetingSnapshot Of(Meeting m) =>
        new(m.Id, m.TenantId, m.OrganizerId, m.Subject, m.Start, m.End, m.JoinUrl, m.ConferenceId, m.Lobby, m.Invite, m.EndedAt,
            m.Participants.Select(ParticipantSnapshot.Of).ToArray());
}
