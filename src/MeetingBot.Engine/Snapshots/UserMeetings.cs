namespace MeetingBot.Engine.Snapshots;

/// <summary>A user (null if unknown) and the meetings they organize or are invited to, read in one tenant turn: the meetings card.</summary>
public sealed record UserMeetings(UserSnapshot? User, IReadOnlyList<MeetingSnapshot> Meetings);
