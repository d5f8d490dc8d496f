using System.Net;
using System.Net.Sockets;
using MeetingBot.Cluster.Commands;
using MeetingBot.Storage.Tests.Support;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Persistence;
using Microsoft.Extensions.Configuration;
using MeetingBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Runtime;

namespace MeetingBot.Cluster.Tests;

/// <summary>
/// The host's own silo starts beside the host's start (the web server listens meanwhile): a tenant call made before
/// the silo is up waits for it, within the retry budget; a silo that cannot start stops the host with exit code 1
/// and every call in the meantime is answered "try again", never left hanging.
/// </summary>
public sealed class SiloStartTests
{
    [Fact]
    public async Task TheHostFinishesStarting_BeforeTheSilo_AndATenantCallWaitsForIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Build(gate.Task, retryBudget: TimeSpan.FromSeconds(30));
        var readiness = host.Services.GetRequiredService<ClusterReadiness>();

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(readiness.IsReady);
        var call = host.Services.GetRequiredService<ITenants>().Ask(Seeds.TenantId, new Ping());
        await Task.Delay(200);
        Assert.False(call.IsCompleted);

        gate.SetResult();
        await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(readiness.IsReady);
        Assert.Null(readiness.Failure);
        await host.StopAsync();
    }

    [Fact]
    public async Task BeginSiloStart_BeforeTheHostStarts_ServesCalls_AndTheHostsStartAndStopUseThatOneSilo()
    {
        var exitCode = Environment.ExitCode;
        try
        {
            using var host = Build(Task.CompletedTask, retryBudget: TimeSpan.FromSeconds(30));
            var readiness = host.Services.GetRequiredService<ClusterReadiness>();
            var stopping = new TaskCompletionSource();
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            var siloPort = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.SiloPort;

            host.Services.BeginSiloStart();
            host.Services.BeginSiloStart();
            var early = await host.Services.GetRequiredService<ITenants>().Ask(Seeds.TenantId, new Ping()).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(early);
            Assert.True(readiness.IsReady);

            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var started = await host.Services.GetRequiredService<ITenants>().Ask(Seeds.TenantId, new Ping()).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(started);
            Assert.False(stopping.Task.IsCompleted, "a second silo was started and failed, stopping the host");
            Assert.Equal(exitCode, Environment.ExitCode);

            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            // The host's stop stopped the silo that began early: its port is free again.
            using var listener = new TcpListener(IPAddress.Loopback, siloPort);
            listener.Start();
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task ACallWaitingLongerThanTheRetryBudget_IsAnsweredTryAgain()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Build(gate.Task, retryBudget: TimeSpan.FromMilliseconds(300));
        await host.StartAsync();

        var refused = await Assert.ThrowsAsync<TenantUnavailableException>(() => host.Services.GetRequiredService<ITenants>().Ask(Seeds.TenantId, new Ping()));
        Assert.Equal(Seeds.TenantId, refused.TenantId);
        Assert.IsType<TimeoutException>(refused.InnerException);
        Assert.Contains("did not start within 0.3 s", refused.InnerException!.Message, StringComparison.Ordinal);

        gate.SetResult();
        await host.StopAsync();
    }

    [Fact]
    public async Task ASiloThatCannotStart_StopsTheHost_WithExitCode1_AndCallsAreRefusedAtOnce()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var exitCode = Environment.ExitCode;
        try
        {
            using var host = Build(Task.CompletedTask, retryBudget: TimeSpan.FromSeconds(30), siloPort: port);
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopping = new TaskCompletionSource();
            lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

            await host.StartAsync();
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var readiness = host.Services.GetRequiredService<ClusterReadiness>();
            Assert.False(readiness.IsReady);
            Assert.NotNull(readiness.Failure);
            Assert.Equal(1, Environment.ExitCode);
            var refused = await Assert.ThrowsAsync<TenantUnavailableException>(() => host.Services.GetRequiredService<ITenants>().Ask(Seeds.TenantId, new Ping()))
                .WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Same(readiness.Failure, refused.InnerException);
            await host.StopAsync();
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    /// <summary>A host with the product's cluster registration; its silo's start waits for <paramref name="siloMayStart"/>.</summary>
    private static IHost Build(Task siloMayStart, TimeSpan retryBudget, int siloPort = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetingBot:Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetingBot:Cluster:GatewayPort"] = "0",
            ["MeetingBot:Cluster:ClusterId"] = $"silo-start-{Guid.NewGuid():N}",
            ["MeetingBot:Cluster:TickInterval"] = "00:00:00",
            ["MeetingBot:Cluster:KeepActiveInterval"] = "00:00:00",
            ["MeetingBot:Cluster:RetryBudget"] = retryBudget.ToString(),
        });
        var services = builder.Services;
        services.AddSingleton(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero });
        services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, new FakeTimeProvider(Seeds.Start));
        services.AddSingleton<IEngineEvents>(NullEngineEvents.Instance);
        services.AddSingleton<IPaymentGateway, AlwaysApprovePaymentGateway>();
        services.AddSingleton<IEngineJournal>(NullEngineJournal.Instance);
        var catalog = new TenantCatalog();
        catalog.Add(Seeds.Tenant(initialFunds: 10m));
        services.AddSingleton(catalog);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SiloStartGate(siloMayStart));
        builder.AddMeetingBotCluster();
        return builder.Build();
    }
}
