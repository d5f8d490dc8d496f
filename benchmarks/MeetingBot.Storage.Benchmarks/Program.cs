using System.Diagnostics;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;
using MeetingBot.Storage;

// Durable write throughput of the journal as the engine issues it: one committed transaction per call (a
// dial-out's first minute, usage records), and a minute tick's batch (every due leg minute in one transaction).
// Usage:
//   dotnet run -c Release --project benchmarks/MeetingBot.Storage.Benchmarks [count] [postgres connection string]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var postgres = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("MEETINGBOT_TEST_POSTGRES");

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd} {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {count} operations each");
Console.WriteLine("| store | pool minutes/s | credit minutes/s | usage records/s | pool minutes/s, batched | credit minutes/s, batched |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var sync in new[] { SqliteSynchronous.Normal, SqliteSynchronous.Full })
{
    var path = Path.Combine(Path.GetTempPath(), $"meetingbot-bench-{Guid.NewGuid():N}.db");
    Run($"SQLite WAL, synchronous={sync}", new SqliteDialect($"Data Source={path}", sync));
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
}
if (!string.IsNullOrEmpty(postgres))
{
    var schema = $"bench_{Guid.NewGuid():N}";
    Exec(postgres, $"CREATE SCHEMA {schema}");
    using (var pg = new PostgresDialect(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString()))
        Run("PostgreSQL (local, synchronous_commit=on)", pg);
    Exec(postgres, $"DROP SCHEMA {schema} CASCADE");
}

void Run(string name, SqlDialect dialect)
{
    const string tenant = "bench";
    var journal = new SqlEngineJournal(dialect);
    var at = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    var month = new DateOnly(2026, 3, 1);
    var funds = new CreditPurchaseState(Guid.NewGuid(), 10_000m, 10_000m, at, at.AddYears(1), false, 0m);
    journal.RecordPurchase(tenant, funds, new CreditTransaction(at, CreditTransactionKind.Purchase, 10_000m, 10_000m, "Funds added"));

    var pool = Rate(() =>
    {
        for (var i = 1; i <= count; i++) journal.TryTakePoolMinute(tenant, month, int.MaxValue, new LegMinute("pool-leg", i, at.AddMinutes(i), 0m));
    });
    var credits = Rate(() =>
    {
        for (var i = 1; i <= count; i++) journal.TryDebitCredits(tenant, new LegMinute("credit-leg", i, at.AddMinutes(i), 0.02m), "bench");
    });
    var usage = Rate(() =>
    {
        for (var i = 0; i < count; i++)
            journal.RecordUsage([new UsageRecord(Guid.NewGuid(), "leg", tenant, "u", "U", "u@x", UsageRecord.ConferenceDialOut, "+1", "+2", "US", at, 60, 0m, "USD", Capability.MCOMEETADD)]);
    });
    // As a tenant's minute tick does in its grain: every leg minute due in the tick goes into one batch, written
    // in one transaction with set-based statements and awaited (CompleteAsync), fenced by the store's sums.
    // Median of five ticks, each paying the next minute of the same legs, after one tick that warms the paths.
    var batchedPool = Median(round =>
    {
        using var batch = journal.BeginBatch();
        for (var i = 1; i <= count; i++) journal.TryTakePoolMinute(tenant, month, int.MaxValue, new LegMinute($"pool-leg-{i}", round, at.AddMinutes(round), 0m));
        batch.CompleteAsync().GetAwaiter().GetResult();
    });
    var batchedCredits = Median(round =>
    {
        using var batch = journal.BeginBatch();
        for (var i = 1; i <= count; i++) journal.TryDebitCredits(tenant, new LegMinute($"credit-leg-{i}", round, at.AddMinutes(round), 0.02m), "bench");
        batch.CompleteAsync().GetAwaiter().GetResult();
    });
    Console.WriteLine($"| {name} | {pool:N0} | {credits:N0} | {usage:N0} | {batchedPool:N0} | {batchedCredits:N0} |");
}

double Median(Action<int> tick)
{
    tick(1);
    var rates = Enumerable.Range(2, 5).Select(round => Rate(() => tick(round))).Order().ToList();
    return rates[rates.Count / 2];
}

double Rate(Action work)
{
    var watch = Stopwatch.StartNew();
    work();
    return count / watch.Elapsed.TotalSeconds;
}

static void Exec(string connectionString, string sql)
{
    using var c = new Npgsql.NpgsqlConnection(connectionString);
    c.Open();
    using var cmd = new Npgsql.NpgsqlCommand(sql, c);
    cmd.ExecuteNonQuery();
}
