using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Persistence;

public sealed record LegState(string Id, string TenantId, string MeetingId, string ParticipantId, CallLegKind Kind, string? RequestedByUserId,
    string BilledUserId, string FromNumber, string ToNumber, string DestinationRegion, CallLegState State, DateTimeOffset CreatedAt,
    DateTimeOffset? ConnectedAt, DateTimeOffset? EndedAt, int MinutesPaid, IReadOnlyList<SegmentState> Segments);
