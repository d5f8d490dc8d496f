using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Persistence;
using MeetingBot.Storage;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace MeetingBot.Cluster.Tests.Support;

/// <summary>
/// Several silos in one process (Orleans' in-process test cluster) hosting the product's tenant grains, with one
/// fake clock and, optionally, one SQLite journal that every silo writes to — as hosts share one database.
/// Grain timers are off: a test moves the clock and ticks the tenant itself.
/// </summary>
public sealed class TenantCluster : IAsyncDisposable
{
    private readonly string? _file;

    private TenantCluster(InProcessTestCluster cluster, FakeTimeProvider clock, string? file)
    {
        Cluster = cluster;
        Clock = clock;
        _file = file;
    }

    public InProcessTestCluster Cluster { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>Runs <paramref name="sql"/> on the shared store (as another writer would) and returns its first value.</summary>
    public object? Sql(string sql)
    {
        using var c = new SqliteConnection($"Data Source={_file ?? throw new InvalidOperationException("This cluster has no store.")}");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static async Task<TenantCluster> StartAsync(int silos, bool durable)
    {
        var clock = new FakeTimeProvider(Seeds.Start);
        var file = durable ? Path.Combine(Path.GetTempPath(), $"meetingbot-cluster-{Guid.NewGuid():N}.db") : null;
        IEngineJournal journal = file is null ? NullEngineJournal.Instance : new SqlEngineJournal(new SqliteDialect($"Data Source={file}"));
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeetingBotSerialization();
            var services = silo.Services;
            services.AddSingleton(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero, MaxDialOutsPerUserPerMinute = 10_000, MaxDialOutsPerTenantPerMinute = 10_000 });
            // The product's clock only: Orleans reads the unkeyed TimeProvider for its call timeouts.
            services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, clock);
            services.AddSingleton<IEngineEvents>(NullEngineEvents.Instance);
            services.AddSingleton<IPaymentGateway, AlwaysApprovePaymentGateway>();
            services.AddSingleton(journal);
            var catalog = new TenantCatalog();
            catalog.Add(Seeds.Tenant(initialFunds: 10m));
            services.AddSingleton(catalog);
            services.Configure<MeetingBotClusterOptions>(o => { o.TickInterval = TimeSpan.Zero; o.RetryBudget = TimeSpan.FromSeconds(60); });
            services.AddMeetingBotTenants();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TenantCluster(cluster, clock, file);
    }

    /// <summary>The product's way to tenants, as the host co-located with silo <paramref name="index"/> uses it.</summary>
    public ITenants TenantsOn(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<ITenants>();

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (_file is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}
