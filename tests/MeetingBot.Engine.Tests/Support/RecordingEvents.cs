using System.Collections.Concurrent;
using MeetingBot.Engine.Events;

namespace MeetingBot.Engine.Tests.Support;

public sealed class RecordingEvents : IEngineEvents
{
    private readonly ConcurrentQueue<EngineEvent> _events = new();

    public IReadOnlyList<EngineEvent> All => _events.ToList();

    public IReadOnlyList<T> Of<T>() where T : EngineEvent => _events.OfType<T>().ToList();

    public void Publish(EngineEvent engineEvent) => _events.Enqueue(engineEvent);
}
