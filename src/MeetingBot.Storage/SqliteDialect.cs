using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MeetingBot.Storage;

/// <summary>
/// SQLite: WAL so readers never block the writer, <c>BEGIN IMMEDIATE</c> so a write transaction takes the
/// database's write lock before it reads the balance it will change (two processes serialize instead of
/// deadlocking on a lock upgrade), and a busy timeout so the loser waits instead of failing.
/// Money is stored as INTEGER ten-thousandths (exact, and SQL arithmetic stays integral); instants as UTC ticks.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private const decimal MoneyScale = 10_000m;
    private readonly string _connectionString;
    private readonly string _synchronous;

    /// <param name="synchronous">FULL (default) survives power loss; NORMAL survives a process crash in WAL mode and is faster.</param>
    public SqliteDialect(string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full, TimeSpan? busyTimeout = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource.Length == 0 || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("SQLite storage needs a file: an in-memory database is not durable.", nameof(connectionString));
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connectionString = builder.ToString();
        _synchronous = synchronous.ToString().ToUpperInvariant();
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), BusyTimeout, "The SQLite busy timeout must be more than zero and at most 10 minutes.");
    }

    public TimeSpan BusyTimeout { get; }
    public override string Name => "Sqlite";
    public override string LockRows => "";
    public override string MigrationLock => "SELECT 1";

    public override IReadOnlyDictionary<string, string> TypeNames { get; } = new Dictionary<string, string>
    {
        ["money"] = "INTEGER",
        ["instant"] = "INTEGER",
        ["month"] = "TEXT",
        ["identity"] = "INTEGER PRIMARY KEY AUTOINCREMENT",
    };

    /// <summary>
    /// A pooled connection keeps its settings: each physical connection (its native handle) is configured once, and
    /// again only if a dialect with other settings takes it from the same pool. Configuring on every open was a
    /// statement per read of a bot turn.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, string> Configured = new();

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds)) };
        connection.Open();
        var settings = _pragmas ??= string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {_synchronous};");
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out var done) && done == settings) return connection;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = settings;
        pragma.ExecuteNonQuery();
        if (connection.Handle is { } configured) Configured.AddOrUpdate(configured, settings);
        return connection;
    }

    private string? _pragmas;

    public override void Prepare(DbConnection connection)
    {
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
    }

    /// <summary>Microsoft.Data.Sqlite issues BEGIN IMMEDIATE for a non-deferred transaction.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override object Money(decimal amount)
    {
        var scaled = amount * MoneyScale;
        if (decimal.Truncate(scaled) != scaled) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money is stored to 4 decimal places.");
        return checked((long)scaled);
    }

    public override decimal ReadMoney(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) / MoneyScale;
    public override object Instant(DateTimeOffset at) => at.UtcTicks;
    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);
    public override object Month(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public override DateOnly ReadMonth(DbDataReader reader, int ordinal) => DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
