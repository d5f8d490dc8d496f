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
/// or fails on its own. Events that are already queued when the loop comes round (a burst's backlog) are handed over
/// together, up to <see cref="MaxBatch"/>: an <see cref="IEngineEventBatchSubscriber"/> gets them at once and may merge
/// them (bounded by the timeout as a whole); every other subscriber gets them one by one, in order, each event bounded
/// by the timeout as when it comes alone.
/// </summary>
public sealed class EngineEventDispatcher(IServiceProvider services, ILogger<EngineEventDispatcher> logger, IOptions<MeetingBotOptions> options)
    : BackgroundService, IEngineEvents
{
    private readonly Channel<EngineEvent> _queue = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(EngineEvent engineEvent) => _queue.Writer.TryWrite(engineEvent);

    /// <summary>At most this many queued events are handed over together (a burst's backlog is taken in slices).</summary>
    public const int MaxBatch = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribers = services.GetServices<IEngineEventSubscriber>().ToList();
        var batchSubscribers = subscribers.OfType<IEngineEventBatchSubscriber>().ToList();
        var others = subscribers.Where(s => s is not IEngineEventBatchSubscriber).ToList();
        var batch = new List<EngineEvent>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var e)) batch.Add(e);
            if (batch.Count == 0) continue;
            if (batch.Count == 1)
            {
                await DeliverAsync(subscribers.Select(s => HandleAsync(s, batch[0], stoppingToken)), batch[0], 1, stoppingToken);
                continue;
            }
            // Events already queued together (a burst's backlog): a batch subscriber gets them at once and may merge
            // them; every other subscriber still gets them one at a time, each event bounded by the timeout as alone.
            var events = batch.ToArray();
            var merged = DeliverAsync(batchSubscribers.Select(s => HandleBatchAsync(s, events, stoppingToken)), events[0], events.Length, stoppingToken);
            foreach (var e in events) await DeliverAsync(others.Select(s => HandleAsync(s, e, stoppingToken)), e, 1, stoppingToken);
            await merged;
        }
    }

    /// <summary>Waits for the subscribers' work on an event (or on events queued together), at most the timeout.</summary>
    private async Task DeliverAsync(IEnumerable<Task> work, EngineEvent first, int count, CancellationToken stoppingToken)
    {
        var all = Task.WhenAll(work);
        if (all.IsCompleted) return; // the usual case on the push path: no timer at all
        var timeout = options.Value.EventSubscriberTimeout;
        try
        {
            // WaitAsync drops its timer as soon as the work finishes, so fast events leave nothing behind.
            await all.WaitAsync(timeout, stoppingToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Delivering {Count} event(s) starting with {Event} took longer than {Timeout}; moving on to the next event", count, first.GetType().Name, timeout);
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

    private async Task HandleBatchAsync(IEngineEventBatchSubscriber subscriber, IReadOnlyList<EngineEvent> events, CancellationToken stoppingToken)
    {
        try
        {
            await subscriber.HandleBatchAsync(events, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Subscriber {Subscriber} failed on {Count} events starting with {Event}", subscriber.GetType().Name, events.Count, events[0].GetType().Name);
        }
    }
}
