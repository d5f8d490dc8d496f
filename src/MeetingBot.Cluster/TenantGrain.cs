using Microsoft.Extensions.DependencyInjection;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Cluster;

/// <summary>
/// Hosts one tenant's engine state. On activation — first use, or on a surviving host after the owner died — it
/// builds the tenant from its seed and the journal (the store is the truth; live legs are restored and metered on).
/// A grain timer advances the tenant every tick and keeps the activation alive while the host runs. A key that
/// names no configured tenant answers every command as the engine answers an unknown tenant, and is dropped.
/// </summary>
public sealed class TenantGrain(TenantCatalog catalog, TenantEngineFactory engines, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time, IOptions<MeetingBotClusterOptions> options, ILogger<TenantGrain> logger)
    : Grain, ITenantGrain
{
    private ConferenceEngine _engine = null!;
    private string _tenantId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKeyString();
        _engine = engines.Create();
        if (catalog.Find(_tenantId) is not { } seed)
        {
            DeactivateOnIdle();
            return Task.CompletedTask;
        }
        _engine.AddTenant(seed);
        logger.LogInformation("Tenant {TenantId} activated on this host", _tenantId);
        if (options.Value.TickInterval > TimeSpan.Zero)
            this.RegisterGrainTimer(_ => { _engine.Tick(); return Task.CompletedTask; },
                new GrainTimerCreationOptions(options.Value.TickInterval, options.Value.TickInterval) { KeepAlive = true, Interleave = false });
        return Task.CompletedTask;
    }

    public Task<string> Owner() => Task.FromResult(RuntimeIdentity);

    public Task<TResult> Run<TResult>(TenantCommand<TResult> command)
    {
        // The caller's demo clock may be ahead of this host's (it moved the clock a moment ago): catch up first.
        if (time is DemoClock demo && RequestContext.Get(DemoClock.OffsetKey) is long offset) demo.CatchUp(TimeSpan.FromTicks(offset));
        return Task.FromResult(command.Run(_engine, _tenantId));
    }
}
