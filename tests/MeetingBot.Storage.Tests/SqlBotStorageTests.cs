using MeetingBot.Storage.Tests.Support;
using MeetingBot.Web.Storage;
using Microsoft.Bot.Builder;

namespace MeetingBot.Storage.Tests;

/// <summary>The bot's IStorage on the SQL store: MemoryStorage's behaviour, kept across restarts and hosts.</summary>
public class SqlBotStorageTests
{
    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ReadAsync_FromANewHost_ReturnsTheStoredObjectWithItsType(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        await new SqlBotStorage(new ConversationStateStore(store.Dialect)).WriteAsync(new Dictionary<string, object>
        {
            ["conv/1"] = new Note { Text = "hang up both ends", Count = 2 },
        });

        var read = await new SqlBotStorage(new ConversationStateStore(store.NewDialect())).ReadAsync(["conv/1", "missing"]);

        var note = Assert.IsType<Note>(Assert.Single(read).Value);
        Assert.Equal(("hang up both ends", 2), (note.Text, note.Count));
        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Retention_DeletesStateNobodyWroteOrReadForTheRetention_KeepsWhatIsStillRead(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var host = new SqlBotStorage(new ConversationStateStore(store.Dialect, clock));
        await host.WriteAsync(new Dictionary<string, object> { ["read-daily"] = new Note { Text = "a" }, ["forgotten"] = new Note { Text = "b" } });
        using (var c = store.Dialect.Open())
        using (var insert = c.CreateCommand())
        {
            insert.CommandText = "INSERT INTO conversation_state (key, json, etag) VALUES ('legacy', '{}', 'e')"; // from before retention
            insert.ExecuteNonQuery();
        }
        var retention = new MeetingBot.Web.Storage.StateRetention(new ConversationStateStore(store.NewDialect(), clock),
            Microsoft.Extensions.Options.Options.Create(new MeetingBot.Web.Storage.StorageOptions { StateRetention = TimeSpan.FromDays(30) }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingBot.Web.Storage.StateRetention>.Instance, time: clock);
        Assert.Equal(0, retention.PurgeOnce().States); // the legacy row's clock starts now

        for (var day = 0; day < 40; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            await host.ReadAsync(["read-daily"]);
        }
        var purged = retention.PurgeOnce().States;

        Assert.Equal(2, purged);
        Assert.Equal(["read-daily"], (await new SqlBotStorage(new ConversationStateStore(store.NewDialect(), clock)).ReadAsync(["read-daily", "forgotten", "legacy"])).Keys);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task WriteAsync_WithAStaleETag_ThrowsAndKeepsTheNewerWrite(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var storage = new SqlBotStorage(new ConversationStateStore(store.Dialect));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (Note)(await storage.ReadAsync(["k"]))["k"];
        var second = (Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = first.ETag } });

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "stale", ETag = second.ETag } }));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "forced", ETag = "*" } });

        Assert.Equal("forced", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task DeleteAsync_StoredKey_IsGone(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var storage = new SqlBotStorage(new ConversationStateStore(store.Dialect));
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "x" }, ["b"] = new Note { Text = "y" } });

        await storage.DeleteAsync(["a"]);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"])).Keys);
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public int Count { get; set; }
        public string? ETag { get; set; }
    }
}
