namespace MeetingBot.Engine.Persistence;

/// <summary>For stores that commit every call on its own.</summary>
public sealed class NoJournalBatch : IJournalBatch
{
    public static NoJournalBatch Instance { get; } = new();
    public void Complete() { }
    public Task CompleteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    public void Dispose() { }
}
