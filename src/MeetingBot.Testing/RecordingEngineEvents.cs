using System.Collections.Concurrent;
using MeetingBot.Engine.Events;

namespace MeetingBot.Testing;

/// <summary>Keeps every engine event in the order the engine published it.</summary>
public sealed class RecordingEngineEvents : IEngineEvents
{
    private readonly ConcurrentQueue<EngineEvent> _events = new();

    public IReadOnlyList<EngineEvent> All => _events.ToList();

    public void Publish(EngineEvent engineEvent) => _events.Enqueue(engineEvent);
}
