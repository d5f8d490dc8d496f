using System.Data.Common;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Storage;

/// <summary>
/// A minute tick's journal calls, kept in order and written on <see cref="CompleteAsync"/> in one transaction on
/// one connection: consecutive pool minutes become one insert and one conditional counter update, consecutive
/// credit minutes one insert, one locked read of the purchases, an update per purchase touched and one ledger
/// insert. Nothing is open while the tick decides (no write lock held, no connection taken).
/// </summary>
internal sealed class SqlJournalBatch(SqlEngineJournal journal) : IJournalBatch
{
    private readonly List<JournalOp> _ops = [];
    private bool _detached;

    public void Add(JournalOp op) => _ops.Add(op);

    /// <summary>What the batch will debit from <paramref name="tenantId"/>'s credits when it commits.</summary>
    public decimal PendingCharges(string tenantId) =>
        _ops.OfType<CreditMinuteOp>().Where(o => o.TenantId == tenantId).Sum(o => o.Minute.Charge);

    /// <summary>Writes the batch with synchronous I/O (the task below completes before it returns).</summary>
    public void Complete()
    {
        Detach();
        if (_ops.Count > 0) journal.FlushAsync(_ops, async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        Detach(); // on the opening thread, before the first await
        return _ops.Count == 0 ? Task.CompletedTask : journal.FlushAsync(_ops, async: true, cancellationToken);
    }

    public void Dispose() => Detach();

    private void Detach()
    {
        if (_detached) return;
        _detached = true;
        journal.EndBatch(this);
    }
}

/// <summary>One journal call waiting in a <see cref="SqlJournalBatch"/>.</summary>
internal abstract record JournalOp;

internal sealed record PoolMinuteOp(string TenantId, DateOnly Month, int PoolSize, LegMinute Minute) : JournalOp;

internal sealed record CreditMinuteOp(string TenantId, LegMinute Minute, string Description) : JournalOp;

internal sealed record UsageOp(UsageRecord Record) : JournalOp;

internal sealed record StatementOp(string Sql, (string Name, object? Value)[] Parameters) : JournalOp;

/// <summary>A rare call (forfeiture) run as written; false means the store refused what the owner decided.</summary>
internal sealed record WorkOp(Func<DbConnection, DbTransaction, bool> Work) : JournalOp;
