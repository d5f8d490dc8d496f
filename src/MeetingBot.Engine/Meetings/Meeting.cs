namespace MeetingBot.Engine.Meetings;

public sealed class Meeting
{
    // Participants is the meeting's whole history: leaving and joining again makes a new participant, so it grows
    // with every rejoin. Lookups by user and by id go through these indexes instead, so a join, leave, dial-out
    // or leg end costs the same after the thousandth reconnect as after the first. A user's key stays once they
    // took part; their list keeps only participants who have not left (one who left never comes back).
    private readonly List<Participant> _participants = [];
    private readonly Dictionary<string, List<Participant>> _presentByUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Participant> _byId = new(StringComparer.Ordinal);
    private int _lastParticipantNumber;

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

    /// <summary>
    /// A participant id no one in this meeting has had. Counts past ids restored with their phone legs (a meeting
    /// restored after a failover starts with only those), so a new id never collides with one.
    /// </summary>
    internal string NextParticipantId()
    {
        string id;
        do id = $"{Id}-p{++_lastParticipantNumber}"; while (_byId.ContainsKey(id));
        return id;
    }

    internal void Add(Participant participant)
    {
        _participants.Add(participant);
        _byId.Add(participant.Id, participant);
        if (participant.UserId is not { } userId) return;
        if (!_presentByUser.TryGetValue(userId, out var present)) _presentByUser[userId] = present = [];
        present.Add(participant);
    }

    /// <summary>True if the user has taken part (in the client or by phone as the organizer), present or not. Caller holds the tenant lock.</summary>
    internal bool HasParticipant(string? userId) => userId is not null && _presentByUser.ContainsKey(userId);

    internal Participant? FindParticipant(string? participantId) => participantId is null ? null : _byId.GetValueOrDefault(participantId);

    /// <summary>
    /// The user's participants that have not left, oldest first: at most one in the client, and the organizer may
    /// also be dialed in by phone.
    /// </summary>
    internal IReadOnlyList<Participant> PresentFor(string? userId)
    {
        if (userId is null || !_presentByUser.TryGetValue(userId, out var present)) return [];
        present.RemoveAll(static p => p.LeftAt is not null);
        return present;
    }
}
