using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;

namespace MeetingBot.Engine.Persistence;

public sealed record UserState(string Id, IReadOnlyList<LicenseSku> Licenses, DialOutPermission DialOutPermission, string? OrganizerPin);

public sealed record MeetingState(string Id, string TenantId, string OrganizerId, string Subject, DateTimeOffset Start, DateTimeOffset End,
    string? ConferenceId, LobbyBypass LobbyBypass, bool DialInCallersBypass, DateTimeOffset? EndedAt);

public sealed record SegmentState(Capability Capability, DateTimeOffset Start, int Minutes, decimal Charge);

public sealed record LegState(string Id, string TenantId, string MeetingId, string ParticipantId, CallLegKind Kind, string? RequestedByUserId,
    string BilledUserId, string FromNumber, string ToNumber, string DestinationRegion, CallLegState State, DateTimeOffset CreatedAt,
    DateTimeOffset? ConnectedAt, DateTimeOffset? EndedAt, int MinutesPaid, IReadOnlyList<SegmentState> Segments);

public sealed record CreditPurchaseState(Guid Id, decimal Amount, decimal Remaining, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, bool IsAutoRecharge, decimal Forfeited);

public sealed record PoolUsage(DateOnly Month, Capability Capability, int MinutesUsed);
