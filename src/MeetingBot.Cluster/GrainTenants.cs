using Microsoft.Extensions.DependencyInjection;
using MeetingBot.Cluster.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Cluster;

/// <summary>
/// Sends commands to tenant grains. While a tenant moves (its host died and membership has not yet declared it
/// dead), Orleans rejects calls to the old activation; those calls never ran, so they are retried with back-off
/// until the tenant answers from its new host or the retry budget is spent. A call that timed out may have run,
/// so it is not retried: the caller gets <see cref="TenantUnavailableException"/>. A tenant reloading after a tick it
/// could not store refuses calls until it is back (<see cref="TenantReloadingException"/>); those are retried too. On the demo clock every call
/// carries this host's offset, so the tenant's host is never behind the host that asks.
/// </summary>
public sealed class GrainTenants(IServiceProvider services, ClusterReadiness readiness, TenantCatalog catalog, TenantEngineFactory engines,
    [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time, IOptions<MeetingBotClusterOptions> options, ILogger<GrainTenants> logger)
    : ITenants
{
    // Resolved on the first call, once the silo is up: building Orleans' object graph is the silo start's work, not
    // the work of whoever resolves this (the hosted services, the bot) while the host starts.
    private IGrainFactory? _grains;

    // A tenant that is not configured is answered here, by an engine that holds no tenant, exactly as the engine
    // answers any unknown tenant: a made-up id in a request never wakes a grain.
    private readonly Lazy<Engine.ConferenceEngine> _noTenant = new(engines.Create);

    public TenantCatalog Catalog => catalog;

    public async Task<TResult> Ask<TResult>(string tenantId, TenantCommand<TResult> command)
    {
        if (catalog.Find(tenantId) is null) return command.Run(_noTenant.Value, tenantId ?? "");
        // The budget is wall time: the demo and test clocks move the engine's time, not how long a failover takes.
        // Waiting for this host's silo to come up spends the same budget as waiting for a moving tenant.
        var started = TimeProvider.System.GetTimestamp();
        await readiness.WaitAsync(tenantId ?? "", options.Value.RetryBudget);
        var grain = (_grains ??= services.GetRequiredService<IGrainFactory>()).GetGrain<ITenantGrain>(tenantId ?? "");
        if (time is DemoClock demo) RequestContext.Set(DemoClock.OffsetKey, demo.Offset.Ticks);
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grain.Run(command);
            }
            catch (Exception ex) when (IsNotDelivered(ex))
            {
                if (TimeProvider.System.GetElapsedTime(started) + delay > options.Value.RetryBudget)
                    throw new TenantUnavailableException(tenantId ?? "", ex);
                logger.LogWarning("Tenant {TenantId} not reachable (attempt {Attempt}: {Reason}); retrying", tenantId, attempt, ex.GetType().Name);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            }
            catch (TimeoutException ex)
            {
                throw new TenantUnavailableException(tenantId ?? "", ex);
            }
        }
    }

    private static bool IsNotDelivered(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TenantReloadingException or Orleans.Runtime.Messaging.ConnectionFailedException;
}
