using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Engine.Persistence;

/// <summary>
/// The engine's durable side. The engine calls it under the tenant's lock, after deciding a change in memory
/// and before making it visible. The two money/minute calls are the authority when several hosts share one
/// database: they must be atomic (conditional update or row lock) and idempotent per (leg, minute), so a
/// minute is never paid twice and a pool or balance is never overdrawn, whichever host asks.
/// </summary>
public interface IEngineJournal
{
    /// <summary>Takes one pooled minute for <paramref name="minute"/> if fewer than <paramref name="poolSize"/> are used this month.</summary>
    bool TryTakePoolMinute(string tenantId, DateOnly month, int poolSize, LegMinute minute);

    /// <summary>Debits <paramref name="minute"/>'s charge from credit purchases (oldest expiry first) if the balance covers it.</summary>
    bool TryDebitCredits(string tenantId, LegMinute minute, string description);

    void RecordPurchase(string tenantId, CreditPurchaseState purchase, CreditTransaction transaction);

    void RecordForfeiture(string tenantId, Guid purchaseId, CreditTransaction transaction);

    void RecordAutoRecharge(string tenantId, AutoRechargeSettings settings);

    void RecordUser(string tenantId, UserState user);

    void RecordMeeting(MeetingState meeting);

    /// <summary>Upserts a call leg (on ring, connect, and end) so a restarted host can close what was live.</summary>
    void RecordLeg(LegState leg);

    /// <summary>Inserts usage records; a record whose id is already stored is skipped (exactly once).</summary>
    void RecordUsage(IReadOnlyList<UsageRecord> records);

    /// <summary>
    /// The next meeting number, unique across every host sharing the store; null when the store keeps no
    /// sequence (the engine then counts in memory).
    /// </summary>
    long? NextMeetingNumber() => null;

    /// <summary>Groups this thread's following calls into one commit (see <see cref="IJournalBatch"/>).</summary>
    IJournalBatch BeginBatch() => NoJournalBatch.Instance;

    /// <summary>Appends an audit entry (admin actions and dial-out attempts). Stores that keep no audit log may ignore it.</summary>
    void RecordAudit(AuditEntry entry) { }

    /// <summary>
    /// Deletes meetings past their retention with their ended legs and those legs' paid-minute rows; usage records
    /// stay. Stores that keep no meetings may ignore it.
    /// </summary>
    void ForgetMeetings(string tenantId, IReadOnlyList<string> meetingIds) { }

    /// <summary>Stores the tenant's orphaned-leg policy as an admin set it (it then outlives a restart; the seed's is the default).</summary>
    void RecordOrphanedLegPolicy(string tenantId, Tenancy.OrphanedLegPolicy policy) { }

    /// <summary>Stores the tenant's toll-fraud guardrails as an admin set them.</summary>
    void RecordGuardrails(string tenantId, Tenancy.TollFraudGuardrails guardrails) { }

    /// <summary>Stores a user's own dial-out budget; null removes it (the tenant default applies again).</summary>
    void RecordUserBudget(string tenantId, string userId, DialOutBudget? budget) { }

    /// <summary>Upserts a dial-out held for the organizer's approval, as requested and as decided.</summary>
    void RecordApproval(Calling.DialOutApproval approval) { }

    /// <summary>Everything stored for a tenant, or null when the tenant has never been stored.</summary>
    TenantJournal? Load(string tenantId);
}
