using MeetingBot.Cluster.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Cluster;

/// <summary>
/// Keeps every configured tenant active in the cluster. A phone call outlives the host that metered it: when that
/// host dies nobody may send its tenant a request for a while, yet the next minute must be paid (or the leg cut off)
/// on time. Every host asks every tenant to be active every <see cref="MeetingBotClusterOptions.KeepActiveInterval"/>;
/// Orleans places the activation on one host, which restores the tenant from the journal and meters on.
/// </summary>
public sealed class TenantKeeper(ITenants tenants, IOptions<MeetingBotClusterOptions> options, ILogger<TenantKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.KeepActiveInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var id in tenants.Catalog.TenantIds)
            {
                try
                {
                    await tenants.Ask(id, new Ping());
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Tenant {TenantId} could not be activated; trying again in {Interval}", id, interval);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
