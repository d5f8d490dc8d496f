namespace MeetingBot.Engine.Events;

public sealed class NullEngineEvents : IEngineEvents
{
    public static NullEngineEvents Instance { get; } = new();
    public void Publish(EngineEvent engineEvent) { }
}
