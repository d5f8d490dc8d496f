using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Engine.Persistence;

/// <summary>A tenant's stored state, as loaded at start-up.</summary>
public sealed record TenantJournal(
    IReadOnlyList<UserState> Users,
    IReadOnlyList<MeetingState> Meetings,
    IReadOnlyList<LegState> LiveLegs,
    IReadOnlyList<CreditPurchaseState> Purchases,
    IReadOnlyList<CreditTransaction> Ledger,
    AutoRechargeSettings? AutoRecharge,
    IReadOnlyList<PoolUsage> PoolUsage,
    IReadOnlyList<UsageRecord> Usage,
    IReadOnlyList<AuditEntry>? Audit = null);
