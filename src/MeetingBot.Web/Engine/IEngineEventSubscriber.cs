using MeetingBot.Engine.Events;

namespace MeetingBot.Web.Engine;

/// <summary>Something in the host that reacts to engine events (SignalR pushes, proactive bot messages).</summary>
public interface IEngineEventSubscriber
{
    Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken);
}
