using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Cluster;

/// <summary>Every second, catches this host's demo clock up with the stored offset (another host moved it).</summary>
public sealed class DemoClockSync(DemoTime demo, ILogger<DemoClockSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                demo.Sync();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not read the demo clock's offset; trying again in a second");
            }
        }
    }
}
