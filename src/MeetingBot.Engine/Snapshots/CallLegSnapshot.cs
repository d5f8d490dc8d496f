using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Snapshots;

/// <summary>A phone leg as it was inside its tenant's turn (see <see cref="CallLeg"/>).</summary>
public sealed record CallLegSnapshot(
    string Id,
    string TenantId,
    string MeetingId,
    string ParticipantId,
    CallLegKind Kind,
    string? RequestedByUserId,
    string BilledUserId,
    string FromNumber,
    string ToNumber,
    string DestinationRegion,
    DateTimeOffset CreatedAt,
    CallLegState State,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    int MinutesPaid,
    bool IsOrphaned,
    DateTimeOffset? OrphanedAt,
    Capability? CurrentFunding,
    decimal ChargeSoFar,
    IReadOnlyList<LegPrompt>? Prompts = null,
    bool IsMuted = false,
    DateTimeOffset? StayAskedAt = null)
{
    public bool IsLive => State is CallLegState.Ringing or CallLegState.Connected;
    public bool IsDialOut => Kind is CallLegKind.CallMe or CallLegKind.AddedParticipant;

    public static CallLegSnapshot Of(CallLeg l) =>
        new(l.Id, l.TenantId, l.MeetingId, l.ParticipantId, l.Kind, l.RequestedByUserId, l.BilledUserId, l.FromNumber, l.ToNumber,
            l.DestinationRegion, l.CreatedAt, l.State, l.ConnectedAt, l.EndedAt, l.MinutesPaid, l.IsOrphaned, l.OrphanedAt,
            l.CurrentFunding, l.ChargeSoFar, l.Prompts, l.IsMuted, l.StayAskedAt);
}
