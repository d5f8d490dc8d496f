using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Engine.Persistence;

/// <summary>No durability: the engine's in-memory state is the whole truth (tests, benchmarks, single demo host).</summary>
public sealed class NullEngineJournal : IEngineJournal
{
    public static NullEngineJournal Instance { get; } = new();

    public bool TryTakePoolMinute(string tenantId, DateOnly month, int poolSize, LegMinute minute) => true;
    public bool TryDebitCredits(string tenantId, LegMinute minute, string description) => true;
    public void RecordPurchase(string tenantId, CreditPurchaseState purchase, CreditTransaction transaction) { }
    public void RecordForfeiture(string tenantId, Guid purchaseId, CreditTransaction transaction) { }
    public void RecordAutoRecharge(string tenantId, AutoRechargeSettings settings) { }
    public void RecordUser(string tenantId, UserState user) { }
    public void RecordMeeting(MeetingState meeting) { }
    public void RecordLeg(LegState leg) { }
    public void RecordUsage(IReadOnlyList<UsageRecord> records) { }
    public TenantJournal? Load(string tenantId) => null;
}
