namespace MeetingBot.Engine.Snapshots;

/// <summary>A meeting with its organizer's name and its phone legs, read in one tenant turn so the three agree.</summary>
public sealed record MeetingDetails(MeetingSnapshot Meeting, string OrganizerName, IReadOnlyList<CallLegSnapshot> Legs);
