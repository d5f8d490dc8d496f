namespace MeetingBot.Engine.Persistence;

/// <summary>
/// The journal calls of one tenant's minute tick, made on one thread, that the store commits together (one
/// transaction, one disk sync, set-based statements). While the batch is open the owner's memory decides: a pool
/// minute or a credit debit the engine asks for is accepted at once and written on <see cref="Complete"/>, where
/// the store's conditional updates fence it (see <see cref="JournalConflictException"/>). Disposing without
/// completing stores nothing of the batch.
/// </summary>
public interface IJournalBatch : IDisposable
{
    void Complete();

    /// <summary>
    /// Commits the batch with asynchronous I/O. It must be called on the thread that opened the batch (it leaves
    /// that thread before its first await), so the thread's later journal calls are not taken into it.
    /// </summary>
    Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        Complete();
        return Task.CompletedTask;
    }
}
