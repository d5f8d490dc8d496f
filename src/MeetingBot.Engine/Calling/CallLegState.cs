namespace MeetingBot.Engine.Calling;

public enum CallLegState
{
    Ringing,
    Connected,
    /// <summary>Ended by the service because no pooled minutes or credits could pay for the next minute.</summary>
    CutOff,
    Ended,
}
