using System.Data.Common;
using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Storage.Tests;

/// <summary>
/// Bot state writes of concurrent turns share one transaction (one commit, one fsync on SQLite) instead of one each;
/// every write keeps its own answer: a stale ETag fails that write only, and a failed transaction fails only the
/// writes it carried.
/// </summary>
public class StateGroupCommitTests
{
    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ConcurrentWrites_WhileTheDatabaseIsBusy_AreCommittedTogether_AndAllStored(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var state = new ConversationStateStore(store.Dialect);

        Task<string?>[] writes;
        using (HoldWriteLock(store))
        {
            writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => state.WriteAsync($"conv/{i}", $"{{\"n\":{i}}}", null))).ToArray();
            await TestStore.WaitUntil(() => state.Pending == 40);
        }
        var etags = await Task.WhenAll(writes);

        Assert.All(etags, e => Assert.False(string.IsNullOrEmpty(e)));
        Assert.InRange(state.Commits, 1, 2); // the first writer's batch, then everyone who queued behind it
        var read = new ConversationStateStore(store.NewDialect()).Read(Enumerable.Range(0, 40).Select(i => $"conv/{i}").ToList());
        Assert.Equal(40, read.Count);
        Assert.Equal("{\"n\":7}", read["conv/7"].Json);
        Assert.Equal(etags[7], read["conv/7"].ETag);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task AStaleETagInABatch_FailsThatWriteOnly(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var state = new ConversationStateStore(store.Dialect);
        var first = await state.WriteAsync("shared", "{\"v\":1}", null);
        var second = await state.WriteAsync("shared", "{\"v\":2}", first);

        Task<string?> stale, others;
        using (HoldWriteLock(store))
        {
            var blocker = Task.Run(() => state.WriteAsync("blocker", "{}", null));
            await TestStore.WaitUntil(() => state.Pending == 1 && state.Writing);
            stale = Task.Run(() => state.WriteAsync("shared", "{\"v\":\"stale\"}", first));
            others = Task.Run(() => state.WriteAsync("other", "{\"v\":3}", null));
            await TestStore.WaitUntil(() => state.Pending == 3);
            await Task.Delay(50);
            Assert.False(blocker.IsCompleted);
        }

        Assert.Null(await stale);
        Assert.NotNull(await others);
        var read = state.Read(["shared", "other"]);
        Assert.Equal(("{\"v\":2}", second), read["shared"]);
        Assert.Equal("{\"v\":3}", read["other"].Json);
    }

    [Fact]
    public async Task ABatchTheDatabaseRefuses_FailsItsWrites_AndTheNextWriteIsStored()
    {
        using var store = TestStore.Create("sqlite");
        SchemaMigrator.Migrate(store.Dialect);
        var state = new ConversationStateStore(new SqliteDialect($"Data Source={store.SqlitePath}", busyTimeout: TimeSpan.FromMilliseconds(300)));

        Task<string?>[] refused;
        using (HoldWriteLock(store))
        {
            refused = Enumerable.Range(0, 5).Select(i => Task.Run(() => state.WriteAsync($"k{i}", "{}", null))).ToArray();
            foreach (var write in refused) await Assert.ThrowsAnyAsync<DbException>(() => write);
        }
        var stored = await state.WriteAsync("after", "{\"ok\":true}", null);

        Assert.NotNull(stored);
        Assert.Equal(["after"], state.Read(["k0", "k1", "k2", "k3", "k4", "after"]).Keys);
    }

    /// <summary>Another connection holds the write lock of conversation_state until disposed (a second host writing).</summary>
    private static IDisposable HoldWriteLock(TestStore store) =>
        store.HoldWriteLock("conversation_state", "INSERT INTO conversation_state (key, json, etag) VALUES ('lock-holder', '{}', 'x')");
}
