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

    /// <summary>An open connection, opened without blocking where the provider can.</summary>
    public virtual Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult(Open());

    /// <summary><see cref="BeginWrite"/>, begun without blocking where the provider can.</summary>
    public virtual ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) => new(BeginWrite(connection));

    /// <summary>
    /// Whether a whole column of values can travel as one array parameter, so a batch inserts its rows in one
    /// statement (<c>unnest</c>; one round trip). Where statements are cheap (SQLite, in process), rows go one by
    /// one through a prepared statement.
    /// </summary>
    public virtual bool BindsArrays => false;

    /// <summary>One column's values as an array parameter (see <see cref="BindsArrays"/>).</summary>
    public virtual object ArrayOf(IReadOnlyList<object?> values) => throw new NotSupportedException($"{Name} does not bind arrays.");

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
