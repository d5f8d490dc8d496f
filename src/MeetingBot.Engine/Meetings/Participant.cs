namespace MeetingBot.Engine.Meetings;

/// <summary>
/// Someone in a meeting. The client leg (computer audio or no audio) and the phone leg are tracked apart:
/// leaving in the client ends the first, never the second.
/// </summary>
public sealed class Participant
{
    internal Participant(string id, string? userId, string displayName, DateTimeOffset joinedAt)
    {
        Id = id;
        UserId = userId;
        DisplayName = displayName;
        JoinedAt = joinedAt;
    }

    public string Id { get; }
    /// <summary>Null for people who joined by phone only (added by phone, or dial-in guests).</summary>
    public string? UserId { get; }
    public string DisplayName { get; }
    public DateTimeOffset JoinedAt { get; }
    public bool InClient { get; internal set; }
    public AudioMode AudioMode { get; internal set; }
    public string? PhoneLegId { get; internal set; }
    public bool InLobby { get; internal set; }
    public bool IsPhoneOnly => UserId is null;
    public DateTimeOffset? LeftAt { get; internal set; }
}
