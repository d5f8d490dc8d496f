using System.Threading.Channels;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Composition;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Engine;

/// <summary>
/// The host's side of the engine's event port. The engine publishes while it may still be on a hot path, so
/// events go into an unbounded in-order queue and a background loop hands each one to every subscriber at once
/// (the SignalR push does not wait for the bot's connector, nor the other way round). Each subscriber sees the
/// events in order; one failing subscriber is logged and does not stop the others; one that stalls (a channel
/// that stopped answering, a client that stopped reading) holds the queue for at most
/// <see cref="MeetingBotOptions.EventSubscriberTimeout"/>, then the loop moves on and the stalled work finishes
/// or fails on its own.
/// </summary>
public sealed class EngineEventDispatcher(IServiceProvider services, ILogger<EngineEventDispatcher> logger, IOptions<MeetingBotOptions> options)
    : BackgroundService, IEngineEvents
{
    private readonly Channel<EngineEvent> _queue = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(EngineEvent engineEvent) => _queue.Writer.TryWrite(engineEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribers = services.GetServices<IEngineEventSubscriber>().ToList();
        var timeout = options.Value.EventSubscriberTimeout;
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var all = Task.WhenAll(subscribers.Select(s => HandleAsync(s, e, stoppingToken)));
            if (all.IsCompleted) continue; // the usual case on the push path: no timer at all
            try
            {
                // WaitAsync drops its timer as soon as the work finishes, so fast events leave nothing behind.
                await all.WaitAsync(timeout, stoppingToken);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Delivering {Event} took longer than {Timeout}; moving on to the next event", e.GetType().Name, timeout);
            }
        }
    }

    private async Task HandleAsync(IEngineEventSubscriber subscriber, EngineEvent e, CancellationToken stoppingToken)
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
