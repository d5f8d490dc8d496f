namespace MeetingBot.Engine.Reports;

/// <summary>
/// One line of the tenant's audit log: every admin action and every dial-out attempt (allowed or refused),
/// since dial-out is where toll fraud costs money.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string TenantId, string ActorId, string Action, string Target, string Outcome);
