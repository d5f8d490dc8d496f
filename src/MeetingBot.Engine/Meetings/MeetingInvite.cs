namespace MeetingBot.Engine.Meetings;

/// <summary>
/// The invite as sent. <see cref="DialIn"/> and <see cref="MeetingOptionsUrl"/> are null when the organizer had
/// no Audio Conferencing at scheduling time: the invite then holds the join link and nothing else.
/// </summary>
public sealed record MeetingInvite(
    string MeetingId,
    string Subject,
    string OrganizerName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string JoinUrl,
    DialInDetails? DialIn,
    string? MeetingOptionsUrl);
