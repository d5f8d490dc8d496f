using System.Data.Common;

namespace MeetingBot.Storage;

/// <summary>
/// What differs between the providers. The SQL text of every statement is shared; only column types, how a
/// write transaction begins, row locking, and how money, instants and months travel as parameters differ.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Column types for the {placeholders} in the migration scripts.</summary>
    public abstract IReadOnlyDictionary<string, string> TypeNames { get; }

    /// <summary>Appended to a SELECT whose rows the transaction will update ("FOR UPDATE" where row locks exist).</summary>
    public abstract string LockRows { get; }

    /// <summary>Run inside the migration transaction first, so two hosts starting together migrate one after the other.</summary>
    public abstract string MigrationLock { get; }

    /// <summary>An open connection, configured for this provider.</summary>
    public abstract DbConnection Open();

    /// <summary>A transaction that holds the write lock from its first statement (SQLite) or row locks as it goes (PostgreSQL).</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only transaction that sees one consistent snapshot.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>Prepares the database file or server before migrations (e.g. SQLite's WAL mode).</summary>
    public virtual void Prepare(DbConnection connection) { }

    /// <summary>
    /// Whether the minute tick's journal calls share one transaction. Worth it where a commit costs a disk sync
    /// and statements are cheap (SQLite: 4,400 → 35,000 pool minutes/s); not on PostgreSQL, where every savepoint is
    /// a round trip and a long transaction updating the same purchase rows slows down (1,131 → 933 pool minutes/s,
    /// 869 → 190 credit minutes/s, measured in docs/benchmarks.md), and short row locks matter more across hosts.
    /// </summary>
    public virtual bool BatchesTicks => false;

    public abstract object Money(decimal amount);
    public abstract decimal ReadMoney(DbDataReader reader, int ordinal);
    public abstract object Instant(DateTimeOffset at);
    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);
    public abstract object Month(DateOnly month);
    public abstract DateOnly ReadMonth(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    /// <summary>A nullable SUM of money: 0 when there are no rows.</summary>
    public decimal ReadMoneyOrZero(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0m : ReadMoney(reader, ordinal);
}
