using MeetingBot.Engine.Meetings;

namespace MeetingBot.Engine.Snapshots;

/// <summary>A participant as they were when the snapshot was taken (see <see cref="Participant"/>).</summary>
public sealed record ParticipantSnapshot(
    string Id,
    string? UserId,
    string DisplayName,
    DateTimeOffset JoinedAt,
    bool InClient,
    AudioMode AudioMode,
    string? PhoneLegId,
    bool InLobby,
    DateTimeOffset? LeftAt)
{
    public bool IsPhoneOnly => UserId is null;

    public static ParticipantSnapshot Of(Participant p) =>
        new(p.Id, p.UserId, p.DisplayName, p.JoinedAt, p.InClient, p.AudioMode, p.PhoneLegId, p.InLobby, p.LeftAt);
}
