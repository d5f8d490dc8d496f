using System.Globalization;

namespace MeetingBot.Storage;

/// <summary>
/// Key → JSON documents with an ETag, for the bot's state. Writes are compare-and-set on the ETag in one
/// statement, so two hosts writing the same conversation cannot silently overwrite each other. The JSON is
/// opaque here: the host serializes it (this project does not depend on Bot Builder).
/// </summary>
public sealed class ConversationStateStore(SqlDialect dialect)
{
    public IReadOnlyDictionary<string, (string Json, string ETag)> Read(IReadOnlyCollection<string> keys)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        using var c = dialect.Open();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var row = c.Query(null, "SELECT json, etag FROM conversation_state WHERE key = @key", r => (r.GetString(0), r.GetString(1)), ("key", key));
            if (row.Count == 1) found[key] = row[0];
        }
        return found;
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
            c.Execute(null, "INSERT INTO conversation_state (key, json, etag) VALUES (@key, @json, @etag) " +
                "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag", ("key", key), ("json", json), ("etag", etag));
            return etag;
        }
        var updated = c.Execute(null, "UPDATE conversation_state SET json = @json, etag = @etag WHERE key = @key AND etag = @expected",
            ("key", key), ("json", json), ("etag", etag), ("expected", expectedETag));
        if (updated == 1) return etag;
        // No row with that ETag: fine if there is no row at all (first write), a conflict otherwise.
        var inserted = c.Execute(null, "INSERT INTO conversation_state (key, json, etag) VALUES (@key, @json, @etag) ON CONFLICT DO NOTHING",
            ("key", key), ("json", json), ("etag", etag));
        return inserted == 1 ? etag : null;
    }

    public void Delete(IReadOnlyCollection<string> keys)
    {
        using var c = dialect.Open();
        foreach (var key in keys) c.Execute(null, "DELETE FROM conversation_state WHERE key = @key", ("key", key));
    }
}
