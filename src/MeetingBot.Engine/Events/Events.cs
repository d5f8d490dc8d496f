using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Events;

/// <summary>A dial-out was refused or a call was cut off: tell the user the exact Teams words.</summary>
public sealed record CallingFeatureUnavailable(string TenantId, DateTimeOffset At, string UserId, string? MeetingId, EngineError Reason, string Message)
    : EngineEvent(TenantId, At);

public sealed record CallLegStateChanged(string TenantId, DateTimeOffset At, string LegId, string MeetingId, string? UserId, CallLegKind Kind, string ToNumber, CallLegState State, int MinutesPaid)
    : EngineEvent(TenantId, At);

/// <summary>A phone leg is still connected although its user left the client or the meeting ended.</summary>
public sealed record HangUpReminder(string TenantId, DateTimeOffset At, string UserId, string MeetingId, string LegId, string ToNumber, TimeSpan ConnectedFor, string Message)
    : EngineEvent(TenantId, At);

/// <summary>The tenant's orphaned-leg policy ended a phone leg on the user's behalf.</summary>
public sealed record OrphanedLegEnded(string TenantId, DateTimeOffset At, string UserId, string MeetingId, string LegId, string ToNumber)
    : EngineEvent(TenantId, At);

public sealed record ParticipantJoined(string TenantId, DateTimeOffset At, string MeetingId, string ParticipantId, string DisplayName, bool IsPhoneOnly, bool InLobby)
    : EngineEvent(TenantId, At);

public sealed record ParticipantLeft(string TenantId, DateTimeOffset At, string MeetingId, string ParticipantId, string DisplayName)
    : EngineEvent(TenantId, At);

public sealed record MeetingEnded(string TenantId, DateTimeOffset At, string MeetingId, string EndedByUserId, int PhoneLegsStillConnected)
    : EngineEvent(TenantId, At);

public sealed record PoolLow(string TenantId, DateTimeOffset At, int ThresholdPercent, int MinutesUsed, int MinutesAvailable)
    : EngineEvent(TenantId, At);

public sealed record CreditsChanged(string TenantId, DateTimeOffset At, decimal Balance, string Reason)
    : EngineEvent(TenantId, At);
