namespace MeetingBot.Engine;

public sealed class EngineException(EngineError error) : Exception(EngineMessages.For(error))
{
    public EngineError Error { get; } = error;
}
