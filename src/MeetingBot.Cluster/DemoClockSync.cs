using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Cluster;

/// <summary>
/// Every second, catches this host's demo clock up with the stored offset (another host moved it). The demo time (and
/// the store and tenants behind it) is resolved at the first tick, not while the host starts: building it is no part of
/// the web server's start (docs/benchmarks.md §5).
/// </summary>
public sealed class DemoClockSync(IServiceProvider services, ILogger<DemoClockSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        DemoTime? demo = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                demo ??= services.GetRequiredService<DemoTime>();
                demo.Sync();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not read the demo clock's offset; trying again in a second");
            }
        }
    }
}
