using Orleans.Runtime;

namespace MeetingBot.Testing;

/// <summary>
/// Holds a silo's start in its first lifecycle stage until <paramref name="open"/> completes: register it as an
/// <c>ILifecycleParticipant&lt;ISiloLifecycle&gt;</c> to see what a host does while its silo is still starting.
/// </summary>
public sealed class SiloStartGate(Task open) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(SiloStartGate), ServiceLifecycleStage.First, _ => open);
}
