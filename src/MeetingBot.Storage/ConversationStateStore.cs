using System.Globalization;

namespace MeetingBot.Storage;

/// <summary>
/// Key → JSON documents with an ETag, for the bot's state. Writes are compare-and-set on the ETag in one
/// statement, so two hosts writing the same conversation cannot silently overwrite each other. The JSON is
/// opaque here: the host serializes it (this project does not depend on Bot Builder). Every document carries when it
/// was last used — written, or read (noted at most once a day per key by each host, so reads stay reads) — and
/// <see cref="Purge"/> removes the ones unused for the retention period.
/// </summary>
public sealed class ConversationStateStore
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;
    private readonly GroupCommit<PendingWrite, string?> _writes;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly> _touched = new(StringComparer.Ordinal);
    private const int MaxRemembered = 100_000;

    public ConversationStateStore(SqlDialect dialect, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _time = time ?? TimeProvider.System;
        _writes = new GroupCommit<PendingWrite, string?>(dialect, WriteOne, MaxWritesPerCommit);
    }

    public IReadOnlyDictionary<string, (string Json, string ETag)> Read(IReadOnlyCollection<string> keys)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        using var c = _dialect.Open();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var row = c.Query(null, "SELECT json, etag FROM conversation_state WHERE key = @key", r => (r.GetString(0), r.GetString(1)), ("key", key));
            if (row.Count != 1) continue;
            found[key] = row[0];
            Touch(c, key);
        }
        return found;
    }

    /// <summary>A document read today by this host is in use: note it once, so retention keeps what is read but never rewritten.</summary>
    private void Touch(System.Data.Common.DbConnection c, string key)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        if (_touched.TryGetValue(key, out var day) && day == today) return;
        c.Execute(null, "UPDATE conversation_state SET touched_at = @now WHERE key = @key", ("key", key), ("now", _dialect.Instant(_time.GetUtcNow())));
        if (_touched.Count >= MaxRemembered) _touched.Clear();
        _touched[key] = today;
    }

    /// <summary>
    /// Deletes the documents nobody wrote or read for <paramref name="olderThan"/>, and returns how many. Documents from
    /// before retention existed start their clock at the first pass.
    /// </summary>
    public int Purge(TimeSpan olderThan)
    {
        var now = _time.GetUtcNow();
        using var c = _dialect.Open();
        c.Execute(null, "UPDATE conversation_state SET touched_at = @now WHERE touched_at IS NULL", ("now", _dialect.Instant(now)));
        var purged = c.Execute(null, "DELETE FROM conversation_state WHERE touched_at < @cutoff", ("cutoff", _dialect.Instant(now - olderThan)));
        if (purged > 0) _touched.Clear();
        return purged;
    }

    /// <summary>
    /// Stores <paramref name="json"/> under <paramref name="key"/> and returns the new ETag, or null on a conflict:
    /// when <paramref name="expectedETag"/> is given (not "*") and a stored document has another ETag.
    /// <para>
    /// Group commit: the writes of concurrent turns share one transaction. The first writer to find no transaction
    /// running writes everything queued so far and commits once (one fsync on SQLite); writes arriving meanwhile queue
    /// for the next transaction. Each write still gets its own answer: a stale ETag fails that write only, and a
    /// transaction the database refuses (busy, down) fails exactly the writes it carried — nothing of them is stored.
    /// The task completes only after the commit, so a turn's state is durable when its write returns.
    /// (The mechanism is <see cref="GroupCommit{TWrite, TResult}"/>, shared with the chat history.)
    /// </para>
    /// </summary>
    public Task<string?> WriteAsync(string key, string json, string? expectedETag)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(json);
        return _writes.WriteAsync(new PendingWrite(key, json, expectedETag));
    }

    /// <summary>Writes not yet committed (queued, or in the transaction being written).</summary>
    public int Pending => _writes.Pending;

    /// <summary>Whether a group transaction is being written right now.</summary>
    public bool Writing => _writes.Writing;

    /// <summary>Write transactions committed by this store (each carrying one or more writes).</summary>
    public long Commits => _writes.Commits;

    /// <summary>The most writes one transaction carries: the rest wait for the next.</summary>
    public const int MaxWritesPerCommit = 256;

    private sealed record PendingWrite(string Key, string Json, string? ExpectedETag);

    /// <summary>One write, inside the group's transaction: the compare-and-set on the ETag, and the new ETag or null.</summary>
    private string? WriteOne(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, PendingWrite write)
    {
        var now = Now();
        var etag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        if (write.ExpectedETag is null or "*")
        {
            c.Execute(tx, "INSERT INTO conversation_state (key, json, etag, touched_at) VALUES (@key, @json, @etag, @now) " +
                "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, touched_at = excluded.touched_at",
                ("key", write.Key), ("json", write.Json), ("etag", etag), ("now", now));
            return etag;
        }
        var updated = c.Execute(tx, "UPDATE conversation_state SET json = @json, etag = @etag, touched_at = @now WHERE key = @key AND etag = @expected",
            ("key", write.Key), ("json", write.Json), ("etag", etag), ("expected", write.ExpectedETag), ("now", now));
        if (updated == 1) return etag;
        // No row with that ETag: fine if there is no row at all (first write), a conflict otherwise.
        var inserted = c.Execute(tx, "INSERT INTO conversation_state (key, json, etag, touched_at) VALUES (@key, @json, @etag, @now) ON CONFLICT DO NOTHING",
            ("key", write.Key), ("json", write.Json), ("etag", etag), ("now", now));
        return inserted == 1 ? etag : null;
    }

    private object Now() => _dialect.Instant(_time.GetUtcNow());

    public void Delete(IReadOnlyCollection<string> keys)
    {
        using var c = _dialect.Open();
        foreach (var key in keys) c.Execute(null, "DELETE FROM conversation_state WHERE key = @key", ("key", key));
    }
}
