using System.Data.Common;
using Npgsql;

namespace MeetingBot.Storage;

/// <summary>
/// PostgreSQL, for several hosts sharing one database: conditional updates re-checked on the newest row
/// version (READ COMMITTED) and <c>SELECT … FOR UPDATE</c> on the purchases a debit will spend, so two hosts
/// never overdraw a pool or a balance. Money is numeric(19,4); instants are timestamptz (microseconds).
/// </summary>
public sealed class PostgresDialect : SqlDialect, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new ArgumentException("PostgreSQL storage needs a connection string.", nameof(connectionString));
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Name => "Postgres";
    public override string LockRows => " FOR UPDATE";
    public override string MigrationLock => "SELECT pg_advisory_xact_lock(7460218)";

    public override IReadOnlyDictionary<string, string> TypeNames { get; } = new Dictionary<string, string>
    {
        ["money"] = "numeric(19,4)",
        ["instant"] = "timestamptz",
        ["month"] = "date",
        ["identity"] = "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    };

    public override DbConnection Open() => _dataSource.OpenConnection();

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

    public override bool BindsArrays => true;

    /// <summary>A typed array (text[], integer[], numeric[], timestamptz[], date[]) of the column's values.</summary>
    public override object ArrayOf(IReadOnlyList<object?> values)
    {
        var type = values.FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string);
        if (type.IsValueType && values.Any(v => v is null)) throw new ArgumentException($"A column of {type.Name} with nulls cannot travel as an array.", nameof(values));
        var array = Array.CreateInstance(type, values.Count);
        for (var i = 0; i < values.Count; i++) array.SetValue(values[i], i);
        return array;
    }

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);

    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

    public override object Money(decimal amount) => amount;
    public override decimal ReadMoney(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);
    public override object Instant(DateTimeOffset at) => at.ToUniversalTime();
    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
    public override object Month(DateOnly month) => month;
    public override DateOnly ReadMonth(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public void Dispose() => _dataSource.Dispose();
}
