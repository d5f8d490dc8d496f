namespace MeetingBot.Storage;

/// <summary>One stored chat activity: its place in the conversation (the paging cursor) and its JSON.</summary>
public sealed record StoredChatActivity(long Seq, string ActivityId, string Json);

/// <summary>
/// The web chat's history: activities as opaque JSON per conversation, appended in order, replaced in place when the
/// bot updates a card, removed when it deletes one, and read newest-first in pages. The JSON is the host's business
/// (this project does not depend on Bot Builder).
/// </summary>
public sealed class ChatActivityStore(SqlDialect dialect)
{
    /// <summary>Stores a new activity; false when the conversation already holds one with that id (nothing changes).</summary>
    public async Task<bool> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await dialect.OpenAsync(cancellationToken);
        var inserted = await c.ExecuteAsync(null,
            "INSERT INTO chat_activities (conversation_id, activity_id, json, created_at) VALUES (@conversation, @activity, @json, @at) " +
            "ON CONFLICT (conversation_id, activity_id) DO NOTHING",
            async: true, cancellationToken, ("conversation", conversationId), ("activity", activityId), ("json", json), ("at", dialect.Instant(at)));
        return inserted == 1;
    }

    /// <summary>The JSON of one activity of this conversation, or null.</summary>
    public async Task<string?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        await using var c = await dialect.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync(null, "SELECT json FROM chat_activities WHERE conversation_id = @conversation AND activity_id = @activity",
            r => r.GetString(0), async: true, cancellationToken, ("conversation", conversationId), ("activity", activityId));
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>Replaces the JSON of an activity of this conversation; false when there is none with that id.</summary>
    public async Task<bool> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken = default)
    {
        await using var c = await dialect.OpenAsync(cancellationToken);
        return await c.ExecuteAsync(null, "UPDATE chat_activities SET json = @json WHERE conversation_id = @conversation AND activity_id = @activity",
            async: true, cancellationToken, ("conversation", conversationId), ("activity", activityId), ("json", json)) == 1;
    }

    /// <summary>Removes an activity of this conversation; false when there is none with that id.</summary>
    public async Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        await using var c = await dialect.OpenAsync(cancellationToken);
        return await c.ExecuteAsync(null, "DELETE FROM chat_activities WHERE conversation_id = @conversation AND activity_id = @activity",
            async: true, cancellationToken, ("conversation", conversationId), ("activity", activityId)) == 1;
    }

    /// <summary>
    /// Up to <paramref name="take"/> activities stored before the cursor <paramref name="beforeSeq"/> (null: the newest),
    /// oldest first.
    /// </summary>
    public async Task<IReadOnlyList<StoredChatActivity>> PageAsync(string conversationId, long? beforeSeq, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var c = await dialect.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync(null,
            "SELECT seq, activity_id, json FROM chat_activities WHERE conversation_id = @conversation AND seq < @before ORDER BY seq DESC LIMIT @take",
            r => new StoredChatActivity(r.GetInt64(0), r.GetString(1), r.GetString(2)), async: true, cancellationToken,
            ("conversation", conversationId), ("before", beforeSeq ?? long.MaxValue), ("take", take));
        rows.Reverse();
        return rows;
    }
}
