namespace MeetingBot.Engine.Persistence;

/// <summary>
/// A group of journal calls made on one thread that the store commits together (one transaction, one disk
/// sync). The engine opens one per tenant per tick, so a minute boundary for thousands of legs costs one
/// commit instead of thousands. Disposing without <see cref="Complete"/> rolls the group back.
/// </summary>
public interface IJournalBatch : IDisposable
{
    void Complete();
}
