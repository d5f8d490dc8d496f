namespace MeetingBot.Web.Api.Contracts;

/// <summary>One audit entry: an admin action or a dial-out attempt (refusals too), with its outcome ("ok" or the EngineError name).</summary>
public sealed record AuditEntryView(DateTimeOffset At, string ActorId, string Action, string Target, string Outcome);
