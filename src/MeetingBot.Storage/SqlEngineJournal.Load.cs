using System.Data.Common;
using System.Text.Json;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Storage;

public sealed partial class SqlEngineJournal
{
    public TenantJournal? Load(string tenantId)
    {
        using var c = _dialect.Open();
        using var tx = _dialect.BeginRead(c); // one consistent snapshot of the tenant
        var t = ("tenant", (object?)tenantId);
        var users = c.Query(tx, "SELECT user_id, licenses, dial_out, pin, aad_object_id, license_history FROM tenant_users WHERE tenant = @tenant ORDER BY user_id", r => new UserState(
            r.GetString(0),
            r.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<LicenseSku>).ToList(),
            Enum.Parse<DialOutPermission>(r.GetString(2)),
            r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4),
            LicenseHistoryText.Parse(r.IsDBNull(5) ? null : r.GetString(5))), t);
        var autoRecharge = c.Query(tx, "SELECT enabled, threshold, amount FROM auto_recharge WHERE tenant = @tenant",
            r => new AutoRechargeSettings(r.GetInt64(0) != 0, _dialect.ReadMoney(r, 1), _dialect.ReadMoney(r, 2)), t).SingleOrDefault();
        var anything = c.Scalar(tx, "SELECT 1 WHERE EXISTS (SELECT 1 FROM credit_purchases WHERE tenant = @tenant) " +
            "OR EXISTS (SELECT 1 FROM meetings WHERE tenant = @tenant) OR EXISTS (SELECT 1 FROM legs WHERE tenant = @tenant)", t);
        if (users.Count == 0 && autoRecharge is null && anything is null) return null;

        var meetings = c.Query(tx,
            "SELECT id, organizer_id, subject, start_at, end_at, conference_id, lobby_bypass, dial_in_bypass, ended_at FROM meetings WHERE tenant = @tenant",
            r => new MeetingState(r.GetString(0), tenantId, r.GetString(1), r.GetString(2), _dialect.ReadInstant(r, 3), _dialect.ReadInstant(r, 4),
                r.IsDBNull(5) ? null : r.GetString(5), Enum.Parse<LobbyBypass>(r.GetString(6)), r.GetInt64(7) != 0, _dialect.ReadNullableInstant(r, 8)), t);
        var purchases = c.Query(tx,
            "SELECT id, amount, remaining, purchased_at, expires_at, is_auto, forfeited FROM credit_purchases WHERE tenant = @tenant ORDER BY purchased_at",
            r => new CreditPurchaseState(Guid.Parse(r.GetString(0)), _dialect.ReadMoney(r, 1), _dialect.ReadMoney(r, 2), _dialect.ReadInstant(r, 3),
                _dialect.ReadInstant(r, 4), r.GetInt64(5) != 0, _dialect.ReadMoney(r, 6)), t);
        var ledger = c.Query(tx, "SELECT at, kind, amount, balance_after, description FROM credit_ledger WHERE tenant = @tenant ORDER BY at, seq",
            r => new CreditTransaction(_dialect.ReadInstant(r, 0), Enum.Parse<CreditTransactionKind>(r.GetString(1)), _dialect.ReadMoney(r, 2),
                _dialect.ReadMoney(r, 3), r.GetString(4)), t);
        var pools = c.Query(tx, "SELECT month, capability, used FROM pool_usage WHERE tenant = @tenant ORDER BY month",
            r => new PoolUsage(_dialect.ReadMonth(r, 0), Enum.Parse<Capability>(r.GetString(1)), checked((int)r.GetInt64(2))), t);
        var usage = c.Query(tx,
            "SELECT id, call_id, user_id, user_display_name, user_upn, call_type, from_number, to_number, region, start_at, duration_seconds, charge, currency, capability " +
            "FROM usage_records WHERE tenant = @tenant ORDER BY start_at, id",
            r => new UsageRecord(Guid.Parse(r.GetString(0)), r.GetString(1), tenantId, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), _dialect.ReadInstant(r, 9), checked((int)r.GetInt64(10)), _dialect.ReadMoney(r, 11),
                r.GetString(12), Enum.Parse<Capability>(r.GetString(13))), t);
        // The engine keeps the recent tail of the audit log in memory; the table keeps all of it.
        var audit = c.Query(tx,
            "SELECT at, actor_id, action, target, outcome FROM (SELECT seq, at, actor_id, action, target, outcome FROM audit_log WHERE tenant = @tenant ORDER BY seq DESC LIMIT 10000) recent ORDER BY seq",
            r => new AuditEntry(_dialect.ReadInstant(r, 0), tenantId, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), t);
        var liveLegs = LoadLiveLegs(c, tx, tenantId);
        var (orphanPolicy, guardrails, budgets, approvals) = LoadGuardrails(c, tx, tenantId);
        tx.Commit();
        return new TenantJournal(users, meetings, liveLegs, purchases, ledger, autoRecharge, pools, usage, audit, orphanPolicy, guardrails, budgets, approvals);
    }

    /// <summary>
    /// Legs left Ringing or Connected. Their paid minutes come from <c>leg_minutes</c>, not from the leg row: the
    /// engine rewrites the row only on ring, connect and end, while every paid minute is its own committed row.
    /// Toll dial-in minutes are free and not journaled one by one, so such a leg keeps the segments of its row.
    /// </summary>
    private List<LegState> LoadLiveLegs(DbConnection c, DbTransaction tx, string tenantId)
    {
        var legs = c.Query(tx,
            "SELECT id, meeting_id, participant_id, kind, requested_by, billed_user, from_number, to_number, region, state, created_at, connected_at, " +
            "ended_at, minutes_paid, segments FROM legs WHERE tenant = @tenant AND state IN ('Ringing', 'Connected') ORDER BY created_at, id",
            r => new LegState(r.GetString(0), tenantId, r.GetString(1), r.GetString(2), Enum.Parse<CallLegKind>(r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), Enum.Parse<CallLegState>(r.GetString(9)),
                _dialect.ReadInstant(r, 10), _dialect.ReadNullableInstant(r, 11), _dialect.ReadNullableInstant(r, 12), checked((int)r.GetInt64(13)),
                JsonSerializer.Deserialize<List<SegmentState>>(r.GetString(14)) ?? []),
            ("tenant", tenantId));
        if (legs.Count == 0) return legs;

        var minutes = c.Query(tx,
            "SELECT m.leg_id, m.minute_index, m.capability, m.charge, m.start_at FROM leg_minutes m JOIN legs l ON l.id = m.leg_id " +
            "WHERE l.tenant = @tenant AND l.state IN ('Ringing', 'Connected') ORDER BY m.leg_id, m.minute_index",
            r => (Leg: r.GetString(0), Capability: Enum.Parse<Capability>(r.GetString(2)), Charge: _dialect.ReadMoney(r, 3), Start: _dialect.ReadInstant(r, 4)),
            ("tenant", tenantId)).ToLookup(m => m.Leg);

        return legs.Select(leg =>
        {
            var paid = minutes[leg.Id].ToList();
            if (paid.Count == 0) return leg;
            // A paid minute proves the leg connected, even if its row still says Ringing.
            var connectedAt = leg.ConnectedAt ?? paid[0].Start;
            return leg with { State = CallLegState.Connected, ConnectedAt = connectedAt, MinutesPaid = paid.Count, Segments = Segments(paid) };
        }).ToList();
    }

    /// <summary>Consecutive minutes paid the same way form one segment (one usage record), as in the engine.</summary>
    private static List<SegmentState> Segments(IEnumerable<(string Leg, Capability Capability, decimal Charge, DateTimeOffset Start)> minutes)
    {
        var segments = new List<SegmentState>();
        foreach (var m in minutes)
        {
            if (segments.Count > 0 && segments[^1].Capability == m.Capability)
                segments[^1] = segments[^1] with { Minutes = checked(segments[^1].Minutes + 1), Charge = segments[^1].Charge + m.Charge };
            else
                segments.Add(new SegmentState(m.Capability, m.Start, 1, m.Charge));
        }
        return segments;
    }
}
