using System.Globalization;

namespace MeetingBot.Storage;

/// <summary>
/// Key → JSON documents with an ETag, for the bot's state. Writes are compare-and-set on the ETag in one
/// statement, so two hosts writing the same conversation cannot silently overwrite each other. The JSON is
/// opaque here: the host serializes it (this project does not depend on Bot Builder). Every document carries when it
/// was last used — written, or read (noted at most once a day per key by each host, so reads stay reads) — and
/// <see cref="Purge"/> removes the ones unused for the retention period.
/// </summary>
public sealed class ConversationStateStore(SqlDialect dialect, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly> _touched = new(StringComparer.Ordinal);
    private const int MaxRemembered = 100_000;

    public IReadOnlyDictionary<string, (string Json, string ETag)> Read(IReadOnlyCollection<string> keys)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        using var c = dialect.Open();
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
        c.Execute(null, "UPDATE conversation_state SET touched_at = @now WHERE key = @key", ("key", key), ("now", dialect.Instant(_time.GetUtcNow())));
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
        using var c = dialect.Open();
        c.Execute(null, "UPDATE conversation_state SET touched_at = @now WHERE touched_at IS NULL", ("now", dialect.Instant(now)));
        var purged = c.Execute(null, "DELETE FROM conversation_state WHERE touched_at < @cutoff", ("cutoff", dialect.Instant(now - olderThan)));
        if (purged > 0) _touched.Clear();
        return purged;
    }

    /// <summary>
    /// Stores <paramref name="json"/> under <paramref name="key"/> and returns the new ETag, or null on a conflict:
    /// when <paramref name="expectedETag"/> is given (not "*") and a stored document has another ETag.
    /// </summary>
    public string? Write(string key, string json, string? expectedETag)
    {
        var etag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        using var c = dialect.Open();
        if (expectedETag is null or "*")
        {
            c.Execute(null, "INSERT INTO conversation_state (key, json, etag, touched_at) VALUES (@key, @json, @etag, @now) " +
                "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, touched_at = excluded.touched_at",
                ("key", key), ("json", json), ("etag", etag), ("now", Now()));
            return etag;
        }
        var updated = c.Execute(null, "UPDATE conversation_state SET json = @json, etag = @etag, touched_at = @now WHERE key = @key AND etag = @expected",
            ("key", key), ("json", json), ("etag", etag), ("expected", expectedETag), ("now", Now()));
        if (updated == 1) return etag;
        // No row with that ETag: fine if there is no row at all (first write), a conflict otherwise.
        var inserted = c.Execute(null, "INSERT INTO conversation_state (key, json, etag, touched_at) VALUES (@key, @json, @etag, @now) ON CONFLICT DO NOTHING",
            ("key", key), ("json", json), ("etag", etag), ("now", Now()));
        return inserted == 1 ? etag : null;
    }

    private object Now() => dialect.Instant(_time.GetUtcNow());

    public void Delete(IReadOnlyCollection<string> keys)
    {
        using var c = dialect.Open();
        foreach (var key in keys) c.Execute(null, "DELETE FROM conversation_state WHERE key = @key", ("key", key));
    }
}
