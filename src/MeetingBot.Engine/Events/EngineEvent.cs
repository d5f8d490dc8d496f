namespace MeetingBot.Engine.Events;

/// <summary>Something that happened in the engine that users should hear about. Raised after the state change is made.</summary>
public abstract record EngineEvent(string TenantId, DateTimeOffset At);
