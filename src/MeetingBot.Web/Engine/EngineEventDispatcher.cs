using System.Threading.Channels;
using MeetingBot.Engine.Events;

namespace MeetingBot.Web.Engine;

/// <summary>
/// The host's side of the engine's event port. The engine publishes while it may still be on a hot path, so
/// events go into an unbounded in-order queue and a background loop hands them to every subscriber; one
/// failing subscriber is logged and does not stop the others.
/// </summary>
public sealed class EngineEventDispatcher(IServiceProvider services, ILogger<EngineEventDispatcher> logger) : BackgroundService, IEngineEvents
{
    private readonly Channel<EngineEvent> _queue = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(EngineEvent engineEvent) => _queue.Writer.TryWrite(engineEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribers = services.GetServices<IEngineEventSubscriber>().ToList();
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var subscriber in subscribers)
            {
                try
                {
                    await subscriber.HandleAsync(e, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Subscriber {Subscriber} failed on {Event}", subscriber.GetType().Name, e.GetType().Name);
                }
            }
        }
    }
}
