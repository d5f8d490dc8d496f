using MeetingBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace MeetingBot.Web.Storage;

/// <summary>
/// Bot Builder's <see cref="IStorage"/> over the SQL store, behaving like <see cref="MemoryStorage"/>: documents
/// serialized with type names so state objects come back as their own types, and optimistic concurrency on
/// <see cref="IStoreItem.ETag"/> (a stale ETag is refused; "*" or none overwrites) — but kept across restarts
/// and shared by every host on the same database.
/// </summary>
public sealed class SqlBotStorage(ConversationStateStore store) : IStorage
{
    // The serializer MemoryStorage uses: the state is our own data, written by this bot only.
    private static readonly JsonSerializer StateSerializer = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    };

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, (json, etag)) in store.Read(keys))
        {
            // Straight from the text to the typed objects, without a JObject in between (this runs twice a turn).
            using var reader = new JsonTextReader(new StringReader(json));
            var value = StateSerializer.Deserialize<object>(reader);
            if (value is IStoreItem item) item.ETag = etag;
            if (value is not null) items[key] = value;
        }
        return Task.FromResult<IDictionary<string, object>>(items);
    }

    /// <summary>Each change is one compare-and-set write; concurrent turns' writes share a commit (see the store).</summary>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var expected = value is IStoreItem item ? item.ETag : null;
            var json = Serialize(value);
            var etag = await store.WriteAsync(key, json, expected)
                ?? throw new ArgumentException($"Etag conflict.\r\n\r\nOriginal: {expected}\r\nCurrent: (changed by another writer)");
            if (value is IStoreItem written) written.ETag = etag;
        }
    }

    private static string Serialize(object value)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        StateSerializer.Serialize(text, value);
        return text.ToString();
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        store.Delete(keys);
        return Task.CompletedTask;
    }
}
