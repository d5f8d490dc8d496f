using MeetingBot.Storage;
using Npgsql;

namespace MeetingBot.Storage.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a temp SQLite file, or a new schema in the PostgreSQL database named by
/// MEETINGBOT_TEST_POSTGRES. <see cref="NewDialect"/> opens a second, independent connection pool on the same
/// database, as a second host would.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "MEETINGBOT_TEST_POSTGRES";
    private readonly List<IDisposable> _owned = [];
    private readonly string? _sqlitePath;
    private readonly string? _postgres;
    private readonly string? _schema;

    private TestStore(string provider)
    {
        Provider = provider;
        if (provider == "sqlite")
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), $"meetingbot-test-{Guid.NewGuid():N}.db");
        }
        else
        {
            var baseConnection = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: CI must provide PostgreSQL (scripts/test.sh starts it).");
            _schema = $"t_{Guid.NewGuid():N}";
            using (var c = new NpgsqlConnection(baseConnection))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
                cmd.ExecuteNonQuery();
            }
            _postgres = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ToString();
        }
        Dialect = NewDialect();
    }

    public string Provider { get; }
    public SqlDialect Dialect { get; }
    public string? SqlitePath => _sqlitePath;
    /// <summary>The PostgreSQL connection string (search path set to this test's schema), for hosts started as processes.</summary>
    public string? PostgresConnection => _postgres;

    public static TestStore Create(string provider) => new(provider);

    public SqlDialect NewDialect(SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        if (_sqlitePath is not null) return new SqliteDialect($"Data Source={_sqlitePath}", synchronous);
        var pg = new PostgresDialect(_postgres!);
        _owned.Add(pg);
        return pg;
    }

    /// <summary>
    /// Another connection holds the write lock of <paramref name="table"/> until disposed (a second host writing):
    /// on SQLite by an uncommitted <paramref name="sqliteInsert"/>, on PostgreSQL by an exclusive table lock.
    /// </summary>
    public IDisposable HoldWriteLock(string table, string sqliteInsert)
    {
        var dialect = NewDialect();
        var connection = dialect.Open();
        var tx = dialect.BeginWrite(connection);
        using (var lockIt = connection.CreateCommand())
        {
            lockIt.Transaction = tx;
            lockIt.CommandText = Provider == "sqlite" ? sqliteInsert : $"LOCK TABLE {table} IN EXCLUSIVE MODE";
            lockIt.ExecuteNonQuery();
        }
        return new Release(() => { tx.Rollback(); tx.Dispose(); connection.Dispose(); });
    }

    /// <summary>Waits (up to 20 s) until concurrent writes have queued up as <paramref name="condition"/> says.</summary>
    public static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The writes did not queue up.");
            await Task.Delay(5);
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_sqlitePath + suffix);
            return;
        }
        using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
