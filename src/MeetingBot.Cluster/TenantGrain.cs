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
    private bool _reloading;

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
            this.RegisterGrainTimer(_ => TickAsync(),
                new GrainTimerCreationOptions(options.Value.TickInterval, options.Value.TickInterval) { KeepAlive = true, Interleave = false });
        return Task.CompletedTask;
    }

    public Task<string> Owner() => Task.FromResult(RuntimeIdentity);

    public async Task<TResult> Run<TResult>(TenantCommand<TResult> command)
    {
        if (_reloading) throw new TenantReloadingException(_tenantId);
        // The caller's demo clock may be ahead of this host's (it moved the clock a moment ago): catch up first.
        if (time is DemoClock demo && RequestContext.Get(DemoClock.OffsetKey) is long offset) demo.CatchUp(TimeSpan.FromTicks(offset));
        if (command is not Tick) return await command.RunAsync(_engine, _tenantId);
        return await TickAsync() is { } processed ? (TResult)(object)processed : throw new TenantReloadingException(_tenantId);
    }

    /// <summary>
    /// Runs the tick; its writes are awaited. If they cannot be stored (the store refused what this activation
    /// decided, or failed), this activation's memory is ahead of the store: it stops answering and deactivates,
    /// and the next call restores the tenant from the store, which meters on from the minutes it holds.
    /// </summary>
    private async Task<int?> TickAsync()
    {
        if (_reloading) return null;
        try
        {
            return await _engine.TickAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tenant {TenantId}: a tick could not be stored; reloading the tenant from the store", _tenantId);
            _reloading = true;
            DeactivateOnIdle();
            return null;
        }
    }
}
