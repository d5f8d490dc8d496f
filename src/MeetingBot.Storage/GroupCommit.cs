using System.Collections.Concurrent;
using System.Data.Common;

namespace MeetingBot.Storage;

/// <summary>
/// Group commit: concurrent writes share one transaction (one commit, one fsync on SQLite) instead of one each.
/// Writers enqueue; the first to find no transaction running writes everything queued so far (at most
/// <see cref="MaxWritesPerCommit"/>) through <c>writeOne</c> inside one connection and write transaction
/// (<see cref="SqlDialect.Open"/>, <see cref="SqlDialect.BeginWrite"/>) and commits once; writes arriving meanwhile
/// queue for the next transaction. Each write keeps its own answer (what <c>writeOne</c> returned for it), and a
/// transaction the database refuses (busy, down), or a <c>writeOne</c> that throws, fails exactly the writes that
/// transaction carried — nothing of them is stored. A write's task completes only after the commit, so the write is
/// durable when it returns.
/// </summary>
/// <typeparam name="TWrite">What one write carries (its statement's parameters).</typeparam>
/// <typeparam name="TResult">One write's answer.</typeparam>
internal sealed class GroupCommit<TWrite, TResult>
{
    private readonly SqlDialect _dialect;
    private readonly Func<DbConnection, DbTransaction, TWrite, TResult> _writeOne;
    private readonly ConcurrentQueue<Queued> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _pending;
    private long _commits;

    /// <param name="dialect">Opens the connection and begins the write transaction of each group.</param>
    /// <param name="writeOne">
    /// Writes one item inside the group's open connection and transaction, and returns its answer. It runs on one
    /// thread at a time, in the order the writes were queued; it must not commit, roll back or dispose either.
    /// </param>
    /// <param name="maxWritesPerCommit">The most writes one transaction carries: the rest wait for the next.</param>
    public GroupCommit(SqlDialect dialect, Func<DbConnection, DbTransaction, TWrite, TResult> writeOne, int maxWritesPerCommit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(writeOne);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWritesPerCommit);
        _dialect = dialect;
        _writeOne = writeOne;
        MaxWritesPerCommit = maxWritesPerCommit;
    }

    /// <summary>The most writes one transaction carries: the rest wait for the next.</summary>
    public int MaxWritesPerCommit { get; }

    /// <summary>Writes not yet committed (queued, or in the transaction being written).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Whether a group transaction is being written right now.</summary>
    public bool Writing => _writer.CurrentCount == 0;

    /// <summary>Write transactions committed (each carrying one or more writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Queues <paramref name="write"/> and returns its answer once the transaction that carried it has committed.
    /// A write whose <paramref name="cancellationToken"/> is cancelled before a transaction takes it is left out
    /// (its task is cancelled, nothing of it is stored); once taken, it is committed or failed with its group.
    /// </summary>
    public async Task<TResult> WriteAsync(TWrite write, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new Queued(write, cancellationToken);
        Interlocked.Increment(ref _pending);
        _queue.Enqueue(queued);
        // Not cancellable: a writer that stopped waiting here could leave its write queued with nobody to take it.
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            // An earlier writer may have carried this one in its transaction.
            if (!queued.Done.Task.IsCompleted) WriteQueued();
        }
        finally
        {
            _writer.Release();
        }
        return await queued.Done.Task.ConfigureAwait(false);
    }

    private sealed class Queued(TWrite write, CancellationToken cancellationToken)
    {
        public TWrite Write { get; } = write;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One group: takes what is queued (up to the limit), writes it in one transaction, answers each write.</summary>
    private void WriteQueued()
    {
        var batch = new List<Queued>();
        while (batch.Count < MaxWritesPerCommit && _queue.TryDequeue(out var next))
        {
            if (next.CancellationToken.IsCancellationRequested)
            {
                Interlocked.Decrement(ref _pending);
                next.Done.TrySetCanceled(next.CancellationToken);
                continue;
            }
            batch.Add(next);
        }
        if (batch.Count == 0) return;
        var results = new TResult[batch.Count];
        try
        {
            using var c = _dialect.Open();
            using var tx = _dialect.BeginWrite(c);
            for (var i = 0; i < batch.Count; i++) results[i] = _writeOne(c, tx, batch[i].Write);
            tx.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex)
        {
            Interlocked.Add(ref _pending, -batch.Count);
            foreach (var queued in batch) queued.Done.TrySetException(ex);
            return;
        }
        Interlocked.Add(ref _pending, -batch.Count);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
    }
}
