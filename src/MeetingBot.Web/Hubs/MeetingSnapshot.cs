using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// The current state of a meeting as a joining (or reconnecting) client needs it: not a replay of missed
/// pushes, but everything they would have told, including the caller's phone legs still up after leaving.
/// </summary>
public sealed record MeetingSnapshot(string MeetingId, string Subject, bool Ended, IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<CallLegView> Legs, IReadOnlyList<CallLegView> MyOrphanedLegs);
