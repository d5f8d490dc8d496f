namespace MeetingBot.Engine.Events;

/// <summary>The engine's outbound port. The host implements it with SignalR pushes and proactive bot messages.</summary>
public interface IEngineEvents
{
    void Publish(EngineEvent engineEvent);
}
