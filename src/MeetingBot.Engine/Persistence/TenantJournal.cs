using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Engine.Persistence;

/// <summary>
/// A tenant's stored state, as loaded at start-up. <see cref="OrphanedLegPolicy"/> and <see cref="Guardrails"/> are
/// null until an admin sets them (the seed's apply); <see cref="Approvals"/> are the pending ones and the recent others.
/// </summary>
public sealed record TenantJournal(
    IReadOnlyList<UserState> Users,
    IReadOnlyList<MeetingState> Meetings,
    IReadOnlyList<LegState> LiveLegs,
    IReadOnlyList<CreditPurchaseState> Purchases,
    IReadOnlyList<CreditTransaction> Ledger,
    AutoRechargeSettings? AutoRecharge,
    IReadOnlyList<PoolUsage> PoolUsage,
    IReadOnlyList<UsageRecord> Usage,
    IReadOnlyList<AuditEntry>? Audit = null,
    Tenancy.OrphanedLegPolicy? OrphanedLegPolicy = null,
    Tenancy.TollFraudGuardrails? Guardrails = null,
    IReadOnlyDictionary<string, DialOutBudget>? UserBudgets = null,
    IReadOnlyList<Calling.DialOutApproval>? Approvals = null);
