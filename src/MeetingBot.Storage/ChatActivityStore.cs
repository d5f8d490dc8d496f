using System.Data.Common;

namespace MeetingBot.Storage;

/// <summary>One stored chat activity: its place in the conversation (the paging cursor) and its JSON.</summary>
public sealed record StoredChatActivity(long Seq, string ActivityId, string Json);

/// <summary>
/// The web chat's history: activities as opaque JSON per conversation, appended in order, replaced in place when the
/// bot updates a card, removed when it deletes one, and read newest-first in pages. The JSON is the host's business
/// (this project does not depend on Bot Builder).
/// <para>
/// Group commit: the appends, replacements and deletions of concurrent turns share one transaction (one fsync on
/// SQLite) instead of one each, through <see cref="GroupCommit{TWrite, TResult}"/> as the bot state's writes do. They
/// are written in the order they were queued, each keeps its own answer, a transaction the database refuses fails
/// exactly the writes it carried (nothing of them is stored), and each task completes only after the commit. Reads
/// do not queue. A write cancelled before its transaction takes it is left out; once taken, it shares its group's fate.
/// </para>
/// </summary>
public sealed class ChatActivityStore
{
    private readonly SqlDialect _dialect;
    private readonly GroupCommit<ChatWrite, bool> _writes;

    public ChatActivityStore(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _writes = new GroupCommit<ChatWrite, bool>(dialect, WriteOne, MaxWritesPerCommit);
    }

    /// <summary>
    /// Stores a new activity; false when the conversation already holds one with that id (nothing changes), also
    /// when that one was appended earlier in the same transaction. The activity's seq follows every write queued
    /// before it.
    /// </summary>
    public Task<bool> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // A null would fail its statement, and with it every write of its transaction: refuse it here, alone.
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activityId);
        ArgumentNullException.ThrowIfNull(json);
        return _writes.WriteAsync(new ChatWrite(ChatWriteKind.Append, conversationId, activityId, json, _dialect.Instant(at)), cancellationToken);
    }

    /// <summary>The JSON of one activity of this conversation, or null.</summary>
    public async Task<string?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        await using var c = await _dialect.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync(null, "SELECT json FROM chat_activities WHERE conversation_id = @conversation AND activity_id = @activity",
            r => r.GetString(0), async: true, cancellationToken, ("conversation", conversationId), ("activity", activityId));
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>Replaces the JSON of an activity of this conversation; false when there is none with that id.</summary>
    public Task<bool> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json); // json is NOT NULL: see AppendAsync
        return _writes.WriteAsync(new ChatWrite(ChatWriteKind.Replace, conversationId, activityId, json, null), cancellationToken);
    }

    /// <summary>Removes an activity of this conversation; false when there is none with that id.</summary>
    public Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync(new ChatWrite(ChatWriteKind.Delete, conversationId, activityId, null, null), cancellationToken);

    /// <summary>Writes not yet committed (queued, or in the transaction being written).</summary>
    public int Pending => _writes.Pending;

    /// <summary>Whether a group transaction is being written right now.</summary>
    public bool Writing => _writes.Writing;

    /// <summary>Write transactions committed by this store (each carrying one or more writes).</summary>
    public long Commits => _writes.Commits;

    /// <summary>The most writes one transaction carries: the rest wait for the next.</summary>
    public const int MaxWritesPerCommit = 256;

    private enum ChatWriteKind { Append, Replace, Delete }

    /// <summary>One queued write: its kind, the activity it names, and (by kind) its JSON and its instant as a parameter.</summary>
    private sealed record ChatWrite(ChatWriteKind Kind, string ConversationId, string ActivityId, string? Json, object? At);

    /// <summary>One write, inside the group's transaction; true when it appended, replaced or removed a row.</summary>
    private static bool WriteOne(DbConnection c, DbTransaction tx, ChatWrite write) => write.Kind switch
    {
        ChatWriteKind.Append => c.Execute(tx,
            "INSERT INTO chat_activities (conversation_id, activity_id, json, created_at) VALUES (@conversation, @activity, @json, @at) " +
            "ON CONFLICT (conversation_id, activity_id) DO NOTHING",
            ("conversation", write.ConversationId), ("activity", write.ActivityId), ("json", write.Json), ("at", write.At)) == 1,
        ChatWriteKind.Replace => c.Execute(tx,
            "UPDATE chat_activities SET json = @json WHERE conversation_id = @conversation AND activity_id = @activity",
            ("conversation", write.ConversationId), ("activity", write.ActivityId), ("json", write.Json)) == 1,
        ChatWriteKind.Delete => c.Execute(tx,
            "DELETE FROM chat_activities WHERE conversation_id = @conversation AND activity_id = @activity",
            ("conversation", write.ConversationId), ("activity", write.ActivityId)) == 1,
        _ => throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "Unknown chat write."),
    };

    /// <summary>
    /// Up to <paramref name="take"/> activities stored before the cursor <paramref name="beforeSeq"/> (null: the newest),
    /// oldest first.
    /// </summary>
    /// <summary>
    /// Deletes the activities stored before <paramref name="cutoff"/>, in every conversation, and returns how many
    /// (retention: <c>MeetingBot:Storage:ChatRetention</c>). Newer activities keep their seq, so paging is unchanged.
    /// </summary>
    public int Purge(DateTimeOffset cutoff)
    {
        using var c = _dialect.Open();
        return c.Execute(null, "DELETE FROM chat_activities WHERE created_at < @cutoff", ("cutoff", _dialect.Instant(cutoff)));
    }

    public async Task<IReadOnlyList<StoredChatActivity>> PageAsync(string conversationId, long? beforeSeq, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var c = await _dialect.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync(null,
            "SELECT seq, activity_id, json FROM chat_activities WHERE conversation_id = @conversation AND seq < @before ORDER BY seq DESC LIMIT @take",
            r => new StoredChatActivity(r.GetInt64(0), r.GetString(1), r.GetString(2)), async: true, cancellationToken,
            ("conversation", conversationId), ("before", beforeSeq ?? long.MaxValue), ("take", take));
        rows.Reverse();
        return rows;
    }
}
