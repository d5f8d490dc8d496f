using MeetingBot.Engine.Events;

namespace MeetingBot.Web.Engine;

/// <summary>Something in the host that reacts to engine events (SignalR pushes, proactive bot messages).</summary>
public interface IEngineEventSubscriber
{
    Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A subscriber that can send several queued events at once (the SignalR push merges a meeting's run of roster events
/// into one message per connection). It gets the events that were already waiting together, in order, and must keep
/// one failing send from losing the others.
/// </summary>
public interface IEngineEventBatchSubscriber : IEngineEventSubscriber
{
    Task HandleBatchAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken);
}
