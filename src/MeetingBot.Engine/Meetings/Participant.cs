namespace MeetingBot.Engine.Meetings;

/// <summary>
/// Someone in a meeting. The client leg (computer audio or no audio) and the phone leg are tracked apart:
/// leaving in the client ends the first, never the second. Part of the <see cref="Meeting"/> aggregate: the meeting
/// creates participants and the engine changes them only through these methods.
/// </summary>
public sealed class Participant
{
    internal Participant(string id, string? userId, string displayName, DateTimeOffset joinedAt, bool inLobby = false)
    {
        Id = id;
        UserId = userId;
        DisplayName = displayName;
        JoinedAt = joinedAt;
        InLobby = inLobby;
    }

    public string Id { get; }
    /// <summary>Null for people who joined by phone only (added by phone, or dial-in guests).</summary>
    public string? UserId { get; }
    public string DisplayName { get; }
    public DateTimeOffset JoinedAt { get; }
    public bool InClient { get; private set; }
    public AudioMode AudioMode { get; private set; }
    public string? PhoneLegId { get; private set; }
    public bool InLobby { get; private set; }
    public bool IsPhoneOnly => UserId is null;
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>In the client with the chosen audio (again, when already there).</summary>
    internal void EnterClient(AudioMode audio)
    {
        InClient = true;
        AudioMode = audio;
    }

    /// <summary>Left the client; a phone leg, if any, stays up.</summary>
    internal void LeaveClient() => InClient = false;

    /// <summary>Audio through the phone leg <paramref name="legId"/>.</summary>
    internal void UsePhone(string legId)
    {
        PhoneLegId = legId;
        AudioMode = AudioMode.PhoneAudio;
    }

    /// <summary>The phone leg ended: still in the client without the phone means no audio until they pick some again, as Teams shows it.</summary>
    internal void PhoneEnded(string legId)
    {
        if (PhoneLegId != legId) return;
        PhoneLegId = null;
        if (InClient) AudioMode = AudioMode.NoAudio;
    }

    internal void Admit() => InLobby = false;

    /// <summary>Gone from the meeting: neither in the client nor on a phone.</summary>
    internal void Leave(DateTimeOffset at)
    {
        if (LeftAt is not null) throw new InvalidOperationException($"Participant {Id} already left.");
        LeftAt = at;
    }
}
