using System.Data.Common;
using System.Globalization;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;

namespace MeetingBot.Storage;

/// <summary>
/// Writing a tick's batch. The tenant's owner decided every minute from its memory; the store re-checks the sums in
/// the same transaction, as a fence against a stale owner: the month's pool counter is raised only while it stays
/// within the pool, each credit minute is covered by the purchases the store holds (oldest expiry first, row locks),
/// and each (leg, minute) is charged once — a minute already stored is skipped, not charged again. If the store
/// cannot cover what the owner decided, nothing of the batch is stored (<see cref="JournalConflictException"/>).
/// </summary>
public sealed partial class SqlEngineJournal
{
    private static readonly string[] MinuteColumns = ["leg_id", "minute_index", "tenant", "month", "capability", "charge", "start_at"];
    private static readonly string[] LedgerColumns = ["tenant", "at", "kind", "amount", "balance_after", "description"];
    private static readonly string[] UsageColumns =
        ["id", "call_id", "tenant", "user_id", "user_display_name", "user_upn", "call_type", "from_number", "to_number", "region", "start_at",
         "duration_seconds", "charge", "currency", "capability"];

    /// <summary>Writes the batch in one transaction; with <paramref name="async"/> false it completes synchronously.</summary>
    internal async Task FlushAsync(IReadOnlyList<JournalOp> ops, bool async, CancellationToken cancellationToken)
    {
        var c = async ? await _dialect.OpenAsync(cancellationToken) : _dialect.Open();
        DbTransaction? tx = null;
        try
        {
            tx = async ? await _dialect.BeginWriteAsync(c, cancellationToken) : _dialect.BeginWrite(c);
            for (var i = 0; i < ops.Count;)
            {
                var end = i + 1;
                switch (ops[i])
                {
                    case PoolMinuteOp first:
                        while (end < ops.Count && ops[end] is PoolMinuteOp next && next.TenantId == first.TenantId && next.Month == first.Month && next.PoolSize == first.PoolSize) end++;
                        await TakePoolMinutesAsync(c, tx, first, Run<PoolMinuteOp>(ops, i, end), async, cancellationToken);
                        break;
                    case CreditMinuteOp first:
                        while (end < ops.Count && ops[end] is CreditMinuteOp next && next.TenantId == first.TenantId) end++;
                        await DebitCreditsAsync(c, tx, first.TenantId, Run<CreditMinuteOp>(ops, i, end), async, cancellationToken);
                        break;
                    case UsageOp:
                        while (end < ops.Count && ops[end] is UsageOp) end++;
                        await InsertRowsAsync(c, tx, "usage_records", UsageColumns,
                            Run<UsageOp>(ops, i, end).Select(o => UsageParameters(o.Record).Select(p => p.Value).ToArray()).ToList(), keyColumns: 0, async, cancellationToken);
                        break;
                    case StatementOp statement:
                        await c.ExecuteAsync(tx, statement.Sql, async, cancellationToken, statement.Parameters);
                        break;
                    case WorkOp work:
                        if (!work.Work(c, tx)) throw new JournalConflictException("The store refused a write of the batch.");
                        break;
                }
                i = end;
            }
            if (async) await tx.CommitAsync(cancellationToken);
            else tx.Commit();
        }
        finally
        {
            // Synchronous callers dispose synchronously too: an uncommitted transaction rolls back here.
            if (async)
            {
                if (tx is not null) await tx.DisposeAsync();
                await c.DisposeAsync();
            }
            else
            {
                tx?.Dispose();
                c.Dispose();
            }
        }
    }

    private async Task TakePoolMinutesAsync(DbConnection c, DbTransaction tx, PoolMinuteOp first, List<PoolMinuteOp> run, bool async, CancellationToken cancellationToken)
    {
        var inserted = await InsertMinutesAsync(c, tx, first.TenantId, first.Month, Capability.MCOMEETADD, run.Select(o => o.Minute).ToList(), async, cancellationToken);
        var count = inserted.Count(x => x);
        if (count == 0) return;
        var key = new (string, object?)[] { ("tenant", first.TenantId), ("month", _dialect.Month(first.Month)), ("capability", nameof(Capability.MCOMEETADD)) };
        await c.ExecuteAsync(tx, "INSERT INTO pool_usage (tenant, month, capability, used) VALUES (@tenant, @month, @capability, 0) ON CONFLICT DO NOTHING",
            async, cancellationToken, key);
        var taken = await c.ExecuteAsync(tx, "UPDATE pool_usage SET used = used + @count WHERE tenant = @tenant AND month = @month AND capability = @capability AND used + @count <= @size",
            async, cancellationToken, [.. key, ("count", count), ("size", first.PoolSize)]);
        if (taken != 1)
            throw new JournalConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The pool of {first.TenantId} for {first.Month:yyyy-MM} cannot take {count} more minutes within {first.PoolSize}: something else used them."));
    }

    private async Task DebitCreditsAsync(DbConnection c, DbTransaction tx, string tenantId, List<CreditMinuteOp> run, bool async, CancellationToken cancellationToken)
    {
        var charged = new List<CreditMinuteOp>(run.Count);
        // Minutes of one run may fall in two billing months (a late tick across midnight): each row keeps its own.
        foreach (var month in run.GroupBy(o => BillingMonth(o.Minute.Start)))
        {
            var minutes = month.ToList();
            var inserted = await InsertMinutesAsync(c, tx, tenantId, month.Key, Capability.MCOPSTNPP, minutes.Select(o => o.Minute).ToList(), async, cancellationToken);
            charged.AddRange(minutes.Where((o, i) => inserted[i] && o.Minute.Charge > 0));
        }
        if (charged.Count == 0) return;
        charged = [.. charged.OrderBy(o => o.Minute.Start)]; // stable: minutes of one instant keep the order they were paid in

        // The engine's spending order (CreditAccount.InSpendingOrder), as in the one-minute debit.
        var funds = await c.QueryAsync(tx,
            "SELECT id, remaining, expires_at FROM credit_purchases WHERE tenant = @tenant AND remaining > 0 ORDER BY expires_at, purchased_at, id" + _dialect.LockRows,
            r => new Funds(r.GetString(0), _dialect.ReadMoney(r, 1), _dialect.ReadInstant(r, 2)), async, cancellationToken, ("tenant", tenantId));
        var balance = funds.Sum(f => f.Remaining); // expired funds count until they are forfeited, as in the ledger of one minute
        var ledger = new List<object?[]>(charged.Count);
        foreach (var op in charged)
        {
            var minute = op.Minute;
            if (funds.Where(f => f.ExpiresAt > minute.Start).Sum(f => f.Remaining) < minute.Charge)
                throw new JournalConflictException(string.Create(CultureInfo.InvariantCulture,
                    $"The credits of {tenantId} cannot cover minute {minute.MinuteIndex} of {minute.LegId} ({minute.Charge}): something else spent them."));
            var left = minute.Charge;
            foreach (var f in funds)
            {
                if (f.ExpiresAt <= minute.Start || f.Remaining == 0) continue;
                var take = Math.Min(left, f.Remaining);
                f.Remaining -= take;
                left -= take;
                if (left == 0) break;
            }
            balance -= minute.Charge;
            ledger.Add([tenantId, _dialect.Instant(minute.Start), nameof(Engine.Billing.CreditTransactionKind.CallCharge), _dialect.Money(-minute.Charge),
                _dialect.Money(balance), op.Description]);
        }
        foreach (var f in funds.Where(f => f.Remaining != f.Read))
        {
            var updated = await c.ExecuteAsync(tx, "UPDATE credit_purchases SET remaining = @remaining WHERE id = @id AND remaining = @read",
                async, cancellationToken, ("remaining", _dialect.Money(f.Remaining)), ("id", f.Id), ("read", _dialect.Money(f.Read)));
            if (updated != 1) throw new JournalConflictException($"The credit purchase {f.Id} of {tenantId} changed while the batch spent it.");
        }
        await InsertRowsAsync(c, tx, "credit_ledger", LedgerColumns, ledger, keyColumns: 0, async, cancellationToken);
    }

    /// <summary>Inserts the minutes' rows; true where a row is new (false: that minute was stored before and is not charged again).</summary>
    private Task<bool[]> InsertMinutesAsync(DbConnection c, DbTransaction tx, string tenantId, DateOnly month, Capability capability, List<LegMinute> minutes, bool async, CancellationToken cancellationToken) =>
        InsertRowsAsync(c, tx, "leg_minutes", MinuteColumns,
            minutes.Select(m => new object?[] { m.LegId, m.MinuteIndex, tenantId, _dialect.Month(month), capability.ToString(), _dialect.Money(m.Charge), _dialect.Instant(m.Start) }).ToList(),
            keyColumns: 2, async, cancellationToken);

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in <paramref name="columns"/> order), skipping rows whose key is
    /// stored already. Where the dialect binds arrays it is one statement; otherwise one prepared statement per row.
    /// With <paramref name="keyColumns"/> &gt; 0 (the key is the first columns) it tells which rows were new.
    /// </summary>
    private async Task<bool[]> InsertRowsAsync(DbConnection c, DbTransaction tx, string table, string[] columns, List<object?[]> rows, int keyColumns, bool async, CancellationToken cancellationToken)
    {
        var inserted = new bool[rows.Count];
        if (rows.Count == 0) return inserted;
        var into = $"INSERT INTO {table} ({string.Join(", ", columns)}) ";
        if (_dialect.BindsArrays)
        {
            var arrays = columns.Select((name, i) => (name, (object?)_dialect.ArrayOf(rows.Select(r => r[i]).ToList()))).ToArray();
            var sql = into + $"SELECT * FROM unnest({string.Join(", ", columns.Select(n => "@" + n))}) ON CONFLICT DO NOTHING";
            if (keyColumns == 0)
            {
                await c.ExecuteAsync(tx, sql, async, cancellationToken, arrays);
                return inserted;
            }
            var keys = (await c.QueryAsync(tx, sql + " RETURNING " + string.Join(", ", columns.Take(keyColumns)),
                r => Key(Enumerable.Range(0, keyColumns).Select(r.GetValue)), async, cancellationToken, arrays)).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++) inserted[i] = keys.Contains(Key(rows[i].Take(keyColumns)));
            return inserted;
        }
        await using var command = c.Command(tx, into + $"VALUES ({string.Join(", ", columns.Select(n => "@" + n))}) ON CONFLICT DO NOTHING",
            columns.Select(n => (n, (object?)null)).ToArray());
        for (var i = 0; i < rows.Count; i++)
        {
            for (var col = 0; col < columns.Length; col++) command.Parameters[col].Value = rows[i][col] ?? DBNull.Value;
            inserted[i] = await command.ExecuteAsync(async, cancellationToken) == 1;
        }
        return inserted;
    }

    private static List<T> Run<T>(IReadOnlyList<JournalOp> ops, int start, int end) where T : JournalOp =>
        Enumerable.Range(start, end - start).Select(i => (T)ops[i]).ToList();

    private static string Key(IEnumerable<object?> values) =>
        string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static DateOnly BillingMonth(DateTimeOffset at) => Engine.Billing.BillingMonth.Of(at);

    private sealed class Funds(string id, decimal remaining, DateTimeOffset expiresAt)
    {
        public string Id { get; } = id;
        public decimal Read { get; } = remaining;
        public decimal Remaining { get; set; } = remaining;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
