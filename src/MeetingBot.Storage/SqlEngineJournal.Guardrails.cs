using System.Data.Common;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Storage;

/// <summary>Tenant settings admins change (orphaned-leg policy, toll-fraud guardrails), users' own budgets and held dial-outs.</summary>
public sealed partial class SqlEngineJournal
{
    /// <summary>Decided approvals loaded per tenant, newest first (every pending one is loaded).</summary>
    private const int DecidedApprovalsLoaded = 500;

    public void RecordOrphanedLegPolicy(string tenantId, OrphanedLegPolicy policy) =>
        Write("INSERT INTO tenant_settings (tenant, orphan_action, orphan_end_after_minutes) VALUES (@tenant, @action, @minutes) " +
              "ON CONFLICT (tenant) DO UPDATE SET orphan_action = excluded.orphan_action, orphan_end_after_minutes = excluded.orphan_end_after_minutes",
            ("tenant", tenantId), ("action", policy.Action.ToString()), ("minutes", policy.EndAfterMinutes));

    public void RecordGuardrails(string tenantId, TollFraudGuardrails g) =>
        Write("INSERT INTO tenant_settings (tenant, guardrails_set, budget_minutes, budget_money, approval_outside_zone_a, approval_above_rate, approval_expiry_minutes) " +
              "VALUES (@tenant, 1, @minutes, @money, @zoneA, @rate, @expiry) ON CONFLICT (tenant) DO UPDATE SET guardrails_set = 1, " +
              "budget_minutes = excluded.budget_minutes, budget_money = excluded.budget_money, approval_outside_zone_a = excluded.approval_outside_zone_a, " +
              "approval_above_rate = excluded.approval_above_rate, approval_expiry_minutes = excluded.approval_expiry_minutes",
            ("tenant", tenantId), ("minutes", g.DefaultBudget.MinutesPerMonth), ("money", NullableMoney(g.DefaultBudget.MoneyPerMonth)),
            ("zoneA", g.ApprovalOutsideZoneA ? 1 : 0), ("rate", NullableMoney(g.ApprovalAboveRatePerMinute)), ("expiry", g.ApprovalExpiryMinutes));

    public void RecordUserBudget(string tenantId, string userId, DialOutBudget? budget)
    {
        if (budget is null)
            Write("DELETE FROM user_budgets WHERE tenant = @tenant AND user_id = @user", ("tenant", tenantId), ("user", userId));
        else
            Write("INSERT INTO user_budgets (tenant, user_id, minutes, money) VALUES (@tenant, @user, @minutes, @money) " +
                  "ON CONFLICT (tenant, user_id) DO UPDATE SET minutes = excluded.minutes, money = excluded.money",
                ("tenant", tenantId), ("user", userId), ("minutes", budget.MinutesPerMonth), ("money", NullableMoney(budget.MoneyPerMonth)));
    }

    public void RecordApproval(DialOutApproval a) =>
        Write("INSERT INTO dial_out_approvals (id, tenant, meeting_id, requester_id, requester_name, organizer_id, organizer_name, kind, number, region, rate, currency, reason, requested_at, " +
              "expires_at, status, decided_at, decided_by, leg_id, call_refusal) VALUES (@id, @tenant, @meeting, @requester, @requesterName, @organizer, @organizerName, @kind, @number, @region, " +
              "@rate, @currency, @reason, @requested, @expires, @status, @decided, @decidedBy, @leg, @refusal) ON CONFLICT (id) DO UPDATE SET " +
              "status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by, leg_id = excluded.leg_id, call_refusal = excluded.call_refusal",
            ("id", a.Id), ("tenant", a.TenantId), ("meeting", a.MeetingId), ("requester", a.RequesterId), ("requesterName", a.RequesterName),
            ("organizer", a.OrganizerId), ("organizerName", a.OrganizerName),
            ("kind", a.Kind.ToString()), ("number", a.Number), ("region", a.RegionCode), ("rate", _dialect.Money(a.RatePerMinute)), ("currency", a.Currency),
            ("reason", a.Reason.ToString()), ("requested", _dialect.Instant(a.RequestedAt)), ("expires", _dialect.Instant(a.ExpiresAt)),
            ("status", a.Status.ToString()), ("decided", a.DecidedAt is { } d ? _dialect.Instant(d) : null), ("decidedBy", a.DecidedBy),
            ("leg", a.LegId), ("refusal", a.CallRefusal?.ToString()));

    private object? NullableMoney(decimal? amount) => amount is { } m ? _dialect.Money(m) : null;

    private decimal? ReadNullableMoney(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : _dialect.ReadMoney(r, ordinal);

    private static int? ReadNullableInt(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : checked((int)r.GetInt64(ordinal));

    /// <summary>The settings, budgets and approvals of a tenant, in the load's snapshot.</summary>
    private (OrphanedLegPolicy? Orphan, TollFraudGuardrails? Guardrails, Dictionary<string, DialOutBudget> Budgets, List<DialOutApproval> Approvals)
        LoadGuardrails(DbConnection c, DbTransaction tx, string tenantId)
    {
        var t = ("tenant", (object?)tenantId);
        var settings = c.Query(tx,
            "SELECT orphan_action, orphan_end_after_minutes, guardrails_set, budget_minutes, budget_money, approval_outside_zone_a, approval_above_rate, " +
            "approval_expiry_minutes FROM tenant_settings WHERE tenant = @tenant",
            r => (Orphan: r.IsDBNull(0) ? null : OrphanedLegPolicy.Create(Enum.Parse<OrphanedLegAction>(r.GetString(0)), ReadNullableInt(r, 1)),
                Guardrails: r.GetInt64(2) == 0 ? null
                    : new TollFraudGuardrails(new DialOutBudget(ReadNullableInt(r, 3), ReadNullableMoney(r, 4)), r.GetInt64(5) != 0, ReadNullableMoney(r, 6),
                        checked((int)r.GetInt64(7)))), t).SingleOrDefault();
        var budgets = c.Query(tx, "SELECT user_id, minutes, money FROM user_budgets WHERE tenant = @tenant",
            r => (User: r.GetString(0), Budget: new DialOutBudget(ReadNullableInt(r, 1), ReadNullableMoney(r, 2))), t)
            .ToDictionary(b => b.User, b => b.Budget, StringComparer.OrdinalIgnoreCase);
        var approvals = c.Query(tx,
            "SELECT id, meeting_id, requester_id, requester_name, organizer_id, organizer_name, kind, number, region, rate, currency, reason, requested_at, " +
            "expires_at, status, decided_at, decided_by, leg_id, call_refusal FROM dial_out_approvals WHERE tenant = @tenant AND (status = 'Pending' OR id IN " +
            $"(SELECT id FROM dial_out_approvals WHERE tenant = @tenant AND status <> 'Pending' ORDER BY requested_at DESC LIMIT {DecidedApprovalsLoaded})) ORDER BY requested_at",
            r => new DialOutApproval(r.GetString(0), tenantId, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                Enum.Parse<CallLegKind>(r.GetString(6)), r.GetString(7), r.GetString(8), _dialect.ReadMoney(r, 9), r.GetString(10),
                Enum.Parse<ApprovalReason>(r.GetString(11)), _dialect.ReadInstant(r, 12), _dialect.ReadInstant(r, 13), Enum.Parse<ApprovalStatus>(r.GetString(14)),
                _dialect.ReadNullableInstant(r, 15), r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17),
                r.IsDBNull(18) ? null : Enum.Parse<EngineError>(r.GetString(18))), t);
        return (settings.Orphan, settings.Guardrails, budgets, approvals);
    }
}
