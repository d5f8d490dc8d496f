using System.Data.Common;
using MeetingBot.Engine.Persistence;

namespace MeetingBot.Storage;

/// <summary>
/// One open write transaction that a thread's journal calls share until it completes: the engine's minute tick
/// pays thousands of leg minutes under one commit (one disk sync). Each call inside runs under a savepoint, so a
/// refused charge is undone alone and the rest of the batch stands.
/// </summary>
internal sealed class SqlJournalBatch : IJournalBatch
{
    private readonly Action _onEnd;
    private int _savepoints;
    private bool _completed;

    public SqlJournalBatch(DbConnection connection, DbTransaction transaction, Action onEnd)
    {
        Connection = connection;
        Transaction = transaction;
        _onEnd = onEnd;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }

    /// <summary>Runs one journal call inside the batch; returns false (and undoes it) when it refused.</summary>
    public bool Run(Func<DbConnection, DbTransaction, bool> work)
    {
        var name = "j" + (++_savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Transaction.Save(name);
        var ok = work(Connection, Transaction);
        if (!ok) Transaction.Rollback(name);
        Transaction.Release(name);
        return ok;
    }

    public void Complete()
    {
        Transaction.Commit();
        _completed = true;
    }

    public void Dispose()
    {
        try
        {
            if (!_completed) Transaction.Rollback();
        }
        finally
        {
            Transaction.Dispose();
            Connection.Dispose();
            _onEnd();
        }
    }
}
