using MeetingBot.Engine;

namespace MeetingBot.Web.Engine;

/// <summary>Advances the engine every second: answers phones, meters minutes, repeats reminders.</summary>
public sealed class EngineTicker(ConferenceEngine engine, TimeProvider time, ILogger<EngineTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                engine.Tick();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Engine tick failed");
            }
        }
    }
}
