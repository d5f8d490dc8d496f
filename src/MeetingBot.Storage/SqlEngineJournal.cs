using System.Data.Common;
using System.Text.Json;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Storage;

/// <summary>
/// The engine's journal in SQLite or PostgreSQL. Every call is one short transaction on its own pooled
/// connection (the engine calls it under a tenant lock, so calls for one tenant never overlap in a host; hosts
/// sharing the database are kept apart by the database), except inside a minute tick's batch, whose calls are
/// written together when it completes (<see cref="SqlJournalBatch"/>, SqlEngineJournal.Batch.cs). A paid minute is a row of <c>leg_minutes</c> keyed by
/// (leg, minute): inserted in the same transaction as the pool counter or balance change, so a minute is charged
/// once however often it is asked for, and a refused charge leaves no row.
/// </summary>
public sealed partial class SqlEngineJournal : IEngineJournal
{
    private readonly SqlDialect _dialect;
    private const string InsertUsage =
        "INSERT INTO usage_records (id, call_id, tenant, user_id, user_display_name, user_upn, call_type, from_number, to_number, region, " +
        "start_at, duration_seconds, charge, currency, capability) VALUES (@id, @call_id, @tenant, @user_id, @user_display_name, @user_upn, @call_type, " +
        "@from_number, @to_number, @region, @start_at, @duration_seconds, @charge, @currency, @capability) ON CONFLICT DO NOTHING";

    private readonly ThreadLocal<SqlJournalBatch?> _batch = new();

    /// <summary>Migrates the database to the newest schema, then journals into it.</summary>
    public SqlEngineJournal(SqlDialect dialect)
    {
        _dialect = dialect;
        SchemaMigrator.Migrate(dialect);
    }

    public SqlDialect Dialect => _dialect;

    /// <summary>
    /// Collects this thread's following journal calls until the batch completes; a nested call joins the open one.
    /// Inside it the caller's memory decides: pool minutes and credit debits are accepted and fenced at commit.
    /// </summary>
    public IJournalBatch BeginBatch()
    {
        if (_batch.Value is not null) return NoJournalBatch.Instance;
        var batch = new SqlJournalBatch(this);
        _batch.Value = batch;
        return batch;
    }

    internal void EndBatch(SqlJournalBatch batch)
    {
        if (ReferenceEquals(_batch.Value, batch)) _batch.Value = null;
    }

    public bool TryTakePoolMinute(string tenantId, DateOnly month, int poolSize, LegMinute minute)
    {
        var op = new PoolMinuteOp(tenantId, month, poolSize, minute);
        // Outside a batch: the batch's own statements for a run of one minute, in a transaction of its own; a
        // refusal (the pool is used up; racing hosts cannot both take the last minute) rolls it back and answers false.
        return Deferred(op) || InOwnTransaction((c, tx) => Fenced(TakePoolMinutesAsync(c, tx, op, [op], async: false, CancellationToken.None)));
    }

    public bool TryDebitCredits(string tenantId, LegMinute minute, string description)
    {
        var op = new CreditMinuteOp(tenantId, minute, description);
        return Deferred(op) || InOwnTransaction((c, tx) => Fenced(DebitCreditsAsync(c, tx, tenantId, [op], async: false, CancellationToken.None)));
    }

    /// <summary>
    /// Stored at once, also inside a tick's batch: the payment behind it has been taken. Its ledger line counts the
    /// batch's charges not yet written, so the balance it shows is the one the tick leaves before this purchase.
    /// </summary>
    public void RecordPurchase(string tenantId, CreditPurchaseState purchase, CreditTransaction transaction)
    {
        var pending = _batch.Value?.PendingCharges(tenantId) ?? 0m;
        InOwnTransaction((c, tx) =>
        {
            var inserted = c.Execute(tx,
                "INSERT INTO credit_purchases (id, tenant, amount, remaining, purchased_at, expires_at, is_auto, forfeited) " +
                "VALUES (@id, @tenant, @amount, @remaining, @purchased, @expires, @auto, @forfeited) ON CONFLICT DO NOTHING",
                ("id", purchase.Id.ToString()), ("tenant", tenantId), ("amount", _dialect.Money(purchase.Amount)), ("remaining", _dialect.Money(purchase.Remaining)),
                ("purchased", _dialect.Instant(purchase.PurchasedAt)), ("expires", _dialect.Instant(purchase.ExpiresAt)),
                ("auto", purchase.IsAutoRecharge ? 1 : 0), ("forfeited", _dialect.Money(purchase.Forfeited)));
            if (inserted == 1) InsertLedger(c, tx, tenantId, transaction with { BalanceAfter = Balance(c, tx, tenantId) - pending });
            return Outcome.Paid;
        });
    }

    public void RecordForfeiture(string tenantId, Guid purchaseId, CreditTransaction transaction) =>
        InWrite((c, tx) =>
        {
            // What is left in the store, not in this host's memory: another host may have spent some of it.
            var left = c.Query(tx, "SELECT remaining FROM credit_purchases WHERE id = @id AND tenant = @tenant" + _dialect.LockRows,
                r => _dialect.ReadMoney(r, 0), ("id", purchaseId.ToString()), ("tenant", tenantId)).SingleOrDefault();
            if (left <= 0) return Outcome.AlreadyPaid; // forfeited already (by this host before a crash, or by another)
            c.Execute(tx, "UPDATE credit_purchases SET forfeited = forfeited + remaining, remaining = 0 WHERE id = @id",
                ("id", purchaseId.ToString()));
            InsertLedger(c, tx, tenantId, transaction with { Amount = -left, BalanceAfter = Balance(c, tx, tenantId) });
            return Outcome.Paid;
        });

    public void RecordAutoRecharge(string tenantId, AutoRechargeSettings settings) =>
        Write("INSERT INTO auto_recharge (tenant, enabled, threshold, amount) VALUES (@tenant, @enabled, @threshold, @amount) " +
              "ON CONFLICT (tenant) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold, amount = excluded.amount",
            ("tenant", tenantId), ("enabled", settings.Enabled ? 1 : 0), ("threshold", _dialect.Money(settings.Threshold)), ("amount", _dialect.Money(settings.Amount)));

    public void RecordUser(string tenantId, UserState user) =>
        Write("INSERT INTO tenant_users (tenant, user_id, licenses, dial_out, pin, aad_object_id, license_history) VALUES (@tenant, @user, @licenses, @dialOut, @pin, @aad, @history) " +
              "ON CONFLICT (tenant, user_id) DO UPDATE SET licenses = excluded.licenses, dial_out = excluded.dial_out, pin = excluded.pin, aad_object_id = excluded.aad_object_id, " +
              "license_history = excluded.license_history",
            ("tenant", tenantId), ("user", user.Id), ("licenses", string.Join(',', user.Licenses)), ("dialOut", user.DialOutPermission.ToString()), ("pin", user.OrganizerPin),
            ("aad", user.AadObjectId), ("history", LicenseHistoryText.Format(user.LicenseHistory)));

    public void ForgetMeetings(string tenantId, IReadOnlyList<string> meetingIds)
    {
        if (meetingIds.Count == 0) return;
        InWrite((c, tx) =>
        {
            foreach (var id in meetingIds)
            {
                (string, object?)[] p = [("tenant", tenantId), ("meeting", id)];
                // Live legs are never forgotten (the engine keeps their meetings); their minutes are the exactly-once guard.
                c.Execute(tx, "DELETE FROM leg_minutes WHERE leg_id IN (SELECT id FROM legs WHERE tenant = @tenant AND meeting_id = @meeting " +
                              "AND state NOT IN ('Ringing', 'Connected'))", p);
                c.Execute(tx, "DELETE FROM legs WHERE tenant = @tenant AND meeting_id = @meeting AND state NOT IN ('Ringing', 'Connected')", p);
                c.Execute(tx, "DELETE FROM meetings WHERE tenant = @tenant AND id = @meeting", p);
            }
            return Outcome.Paid;
        });
    }

    public void RecordMeeting(MeetingState meeting) =>
        Write("INSERT INTO meetings (tenant, id, organizer_id, subject, start_at, end_at, conference_id, lobby_bypass, dial_in_bypass, ended_at) " +
              "VALUES (@tenant, @id, @organizer, @subject, @start, @end, @conference, @lobby, @dialInBypass, @ended) " +
              "ON CONFLICT (tenant, id) DO UPDATE SET organizer_id = excluded.organizer_id, subject = excluded.subject, start_at = excluded.start_at, " +
              "end_at = excluded.end_at, conference_id = excluded.conference_id, lobby_bypass = excluded.lobby_bypass, " +
              "dial_in_bypass = excluded.dial_in_bypass, ended_at = excluded.ended_at",
            ("tenant", meeting.TenantId), ("id", meeting.Id), ("organizer", meeting.OrganizerId), ("subject", meeting.Subject),
            ("start", _dialect.Instant(meeting.Start)), ("end", _dialect.Instant(meeting.End)), ("conference", meeting.ConferenceId),
            ("lobby", meeting.LobbyBypass.ToString()), ("dialInBypass", meeting.DialInCallersBypass ? 1 : 0),
            ("ended", meeting.EndedAt is { } e ? _dialect.Instant(e) : null));

    public void RecordLeg(LegState leg) =>
        Write("INSERT INTO legs (id, tenant, meeting_id, participant_id, kind, requested_by, billed_user, from_number, to_number, region, state, " +
              "created_at, connected_at, ended_at, minutes_paid, segments) VALUES (@id, @tenant, @meeting, @participant, @kind, @requestedBy, @billed, " +
              "@from, @to, @region, @state, @created, @connected, @ended, @minutes, @segments) " +
              "ON CONFLICT (id) DO UPDATE SET state = excluded.state, connected_at = excluded.connected_at, ended_at = excluded.ended_at, " +
              "minutes_paid = excluded.minutes_paid, segments = excluded.segments",
            ("id", leg.Id), ("tenant", leg.TenantId), ("meeting", leg.MeetingId), ("participant", leg.ParticipantId), ("kind", leg.Kind.ToString()),
            ("requestedBy", leg.RequestedByUserId), ("billed", leg.BilledUserId), ("from", leg.FromNumber), ("to", leg.ToNumber),
            ("region", leg.DestinationRegion), ("state", leg.State.ToString()), ("created", _dialect.Instant(leg.CreatedAt)),
            ("connected", leg.ConnectedAt is { } c ? _dialect.Instant(c) : null), ("ended", leg.EndedAt is { } e ? _dialect.Instant(e) : null),
            ("minutes", leg.MinutesPaid), ("segments", JsonSerializer.Serialize(leg.Segments)));

    public void RecordUsage(IReadOnlyList<UsageRecord> records)
    {
        if (records.Count == 0) return;
        if (_batch.Value is { } batch)
        {
            foreach (var r in records) batch.Add(new UsageOp(r));
            return;
        }
        InOwnTransaction((c, tx) =>
        {
            foreach (var r in records) c.Execute(tx, InsertUsage, UsageParameters(r));
            return Outcome.Paid;
        });
    }

    /// <summary>Taken at once, also inside a batch: the caller needs the number now, and the sequence is shared.</summary>
    public long? NextMeetingNumber()
    {
        long next = 0;
        InOwnTransaction((c, tx) =>
        {
            next = Convert.ToInt64(c.Scalar(tx, "UPDATE counters SET value = value + 1 WHERE name = 'meeting' RETURNING value"), System.Globalization.CultureInfo.InvariantCulture);
            return Outcome.Paid;
        });
        return next;
    }

    public void RecordAudit(AuditEntry entry) =>
        Write("INSERT INTO audit_log (tenant, at, actor_id, action, target, outcome) VALUES (@tenant, @at, @actor, @action, @target, @outcome)",
            ("tenant", entry.TenantId), ("at", _dialect.Instant(entry.At)), ("actor", entry.ActorId), ("action", entry.Action),
            ("target", entry.Target), ("outcome", entry.Outcome));

    /// <summary>A usage record's columns, named as in <see cref="InsertUsage"/>.</summary>
    private (string Name, object? Value)[] UsageParameters(UsageRecord r) =>
    [
        ("id", r.Id.ToString()), ("call_id", r.CallId), ("tenant", r.TenantId), ("user_id", r.UserId), ("user_display_name", r.UserDisplayName),
        ("user_upn", r.UserUpn), ("call_type", r.CallType), ("from_number", r.FromNumber), ("to_number", r.ToNumber), ("region", r.DestinationRegion),
        ("start_at", _dialect.Instant(r.Start)), ("duration_seconds", r.DurationSeconds), ("charge", _dialect.Money(r.Charge)), ("currency", r.Currency),
        ("capability", r.Capability.ToString()),
    ];

    private void InsertLedger(DbConnection c, DbTransaction tx, string tenantId, CreditTransaction t) =>
        c.Execute(tx, "INSERT INTO credit_ledger (tenant, at, kind, amount, balance_after, description) VALUES (@tenant, @at, @kind, @amount, @balance, @description)",
            ("tenant", tenantId), ("at", _dialect.Instant(t.At)), ("kind", t.Kind.ToString()), ("amount", _dialect.Money(t.Amount)),
            ("balance", _dialect.Money(t.BalanceAfter)), ("description", t.Description));

    /// <summary>Outcome of a run written with synchronous I/O (its task has completed): refused if the store could not cover it.</summary>
    private static Outcome Fenced(Task run)
    {
        try
        {
            run.GetAwaiter().GetResult();
            return Outcome.Paid;
        }
        catch (JournalConflictException)
        {
            return Outcome.Refused;
        }
    }

    private decimal Balance(DbConnection c, DbTransaction tx, string tenantId) =>
        c.Query(tx, "SELECT SUM(remaining) FROM credit_purchases WHERE tenant = @tenant", r => _dialect.ReadMoneyOrZero(r, 0), ("tenant", tenantId)).Single();

    private void Write(string sql, params (string Name, object? Value)[] parameters)
    {
        if (Deferred(new StatementOp(sql, parameters))) return;
        using var connection = _dialect.Open();
        connection.Execute(null, sql, parameters);
    }

    /// <summary>Adds <paramref name="op"/> to this thread's open batch, if there is one.</summary>
    private bool Deferred(JournalOp op)
    {
        if (_batch.Value is not { } batch) return false;
        batch.Add(op);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (or in the open batch, in order); commits unless it refused.</summary>
    private bool InWrite(Func<DbConnection, DbTransaction, Outcome> work) =>
        Deferred(new WorkOp((c, tx) => work(c, tx) != Outcome.Refused)) || InOwnTransaction(work);

    /// <summary>Runs <paramref name="work"/> in a write transaction of its own; commits unless it refused.</summary>
    private bool InOwnTransaction(Func<DbConnection, DbTransaction, Outcome> work)
    {
        using var connection = _dialect.Open();
        using var tx = _dialect.BeginWrite(connection);
        var outcome = work(connection, tx);
        if (outcome == Outcome.Refused)
        {
            tx.Rollback();
            return false;
        }
        tx.Commit();
        return true;
    }

    private enum Outcome
    {
        Paid,
        AlreadyPaid,
        Refused,
    }
}
