namespace MeetingBot.Engine.Persistence;

/// <summary>
/// The store refused a batch the tenant's owner had decided from its memory: the pool or the balance in the store
/// cannot cover it, which only happens when something else wrote to the tenant (a stale owner during a failover).
/// Nothing of the batch is stored; the owner's memory is now ahead of the store, so the tenant must be reloaded
/// from the store (the tenant grain deactivates and the next call restores it).
/// </summary>
public sealed class JournalConflictException(string message) : Exception(message);
