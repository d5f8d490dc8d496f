namespace MeetingBot.Engine.Meetings;

public sealed class Meeting
{
    private readonly List<Participant> _participants = [];

    internal Meeting(string id, string tenantId, string organizerId, string subject, DateTimeOffset start, DateTimeOffset end, string joinUrl)
    {
        Id = id;
        TenantId = tenantId;
        OrganizerId = organizerId;
        Subject = subject;
        Start = start;
        End = end;
        JoinUrl = joinUrl;
    }

    public string Id { get; }
    public string TenantId { get; }
    public string OrganizerId { get; }
    public string Subject { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public string JoinUrl { get; }
    /// <summary>Set only when the organizer had Audio Conferencing at scheduling (or at the last invite refresh).</summary>
    public string? ConferenceId { get; internal set; }
    public LobbySettings Lobby { get; internal set; } = LobbySettings.Default;
    public MeetingInvite Invite { get; internal set; } = null!;
    public DateTimeOffset? EndedAt { get; internal set; }
    public bool IsEnded => EndedAt is not null;
    public IReadOnlyList<Participant> Participants => _participants;

    /// <summary>People currently in the meeting: in the client, or on a connected phone leg.</summary>
    public IEnumerable<Participant> Present => _participants.Where(p => p.LeftAt is null);

    internal void Add(Participant participant) => _participants.Add(participant);
}
