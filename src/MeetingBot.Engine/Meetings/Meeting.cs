using MeetingBot.Engine.Persistence;

namespace MeetingBot.Engine.Meetings;

/// <summary>
/// A scheduled meeting and its roster. It owns its transitions (invite, join, admit, leave, end); the engine decides
/// who may and calls them.
/// </summary>
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

    /// <summary>A meeting as the journal stored it: rosters are not kept, clients rejoin.</summary>
    internal static Meeting Restore(string tenantId, MeetingState stored, string joinUrl) =>
        new(stored.Id, tenantId, stored.OrganizerId, stored.Subject, stored.Start, stored.End, joinUrl)
        {
            ConferenceId = stored.ConferenceId,
            Lobby = new LobbySettings(stored.LobbyBypass, stored.DialInCallersBypass),
            EndedAt = stored.EndedAt,
        };

    public string Id { get; }
    public string TenantId { get; }
    public string OrganizerId { get; }
    public string Subject { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public string JoinUrl { get; }
    /// <summary>Set only when the organizer had Audio Conferencing at scheduling (or at the last invite refresh).</summary>
    public string? ConferenceId { get; private set; }
    public LobbySettings Lobby { get; private set; } = LobbySettings.Default;
    public MeetingInvite Invite { get; private set; } = null!;
    public DateTimeOffset? EndedAt { get; private set; }
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

    /// <summary>The conference ID dial-in callers enter: kept once given, so re-sent invites carry the same one.</summary>
    internal string EnsureConferenceId(Func<string> newId) => ConferenceId ??= newId();

    /// <summary>The organizer has no Audio Conferencing (any more): the invite has the join link only.</summary>
    internal void WithdrawConferenceId() => ConferenceId = null;

    internal void SendInvite(MeetingInvite invite) => Invite = invite;

    internal void ChangeLobby(LobbySettings lobby) => Lobby = lobby;

    /// <summary>The organizer ended the meeting for everyone (<see cref="End"/> is when it was scheduled to end).</summary>
    internal void EndForEveryone(DateTimeOffset at)
    {
        if (IsEnded) throw new InvalidOperationException($"Meeting {Id} already ended.");
        EndedAt = at;
    }

    /// <summary>
    /// The user joins in the client, or changes their audio when already there. Someone new waits in the lobby when only
    /// the organizer may bypass it. Returns the participant and whether they are new.
    /// </summary>
    internal (Participant Participant, bool IsNew) JoinInClient(string userId, string displayName, AudioMode audio, DateTimeOffset at)
    {
        var p = PresentFor(userId).FirstOrDefault();
        var isNew = p is null;
        if (p is null)
        {
            var inLobby = Lobby.Bypass == LobbyBypass.OnlyOrganizer && !string.Equals(userId, OrganizerId, StringComparison.OrdinalIgnoreCase);
            p = new Participant(NextParticipantId(), userId, displayName, at, inLobby);
            Add(p);
        }
        p.EnterClient(audio);
        return (p, isNew);
    }

    /// <summary>Someone joins by phone only (added by phone, or dialed in; <paramref name="userId"/> is the organizer's when they entered their PIN).</summary>
    internal Participant JoinByPhone(string? userId, string displayName, DateTimeOffset at, bool inLobby)
    {
        var p = new Participant(NextParticipantId(), userId, displayName, at, inLobby);
        Add(p);
        return p;
    }

    /// <summary>The organizer lets someone in from the lobby; null when that participant is not waiting there.</summary>
    internal Participant? Admit(string participantId)
    {
        var p = FindParticipant(participantId);
        if (p is not { InLobby: true, LeftAt: null }) return null;
        p.Admit();
        return p;
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
