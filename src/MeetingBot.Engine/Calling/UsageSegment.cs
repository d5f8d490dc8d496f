using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Calling;

/// <summary>A run of minutes of one leg paid the same way (pool or credits). Each becomes a usage record.</summary>
internal sealed class UsageSegment(Capability capability, DateTimeOffset start)
{
    public Capability Capability { get; } = capability;
    public DateTimeOffset Start { get; } = start;
    public int Minutes { get; private set; }
    public decimal Charge { get; private set; }

    public void Add(int minutes, decimal charge)
    {
        Minutes += minutes;
        Charge += charge;
    }
}
