using System.Data.Common;
using MeetingBot.Storage.Tests.Support;
using Npgsql;

namespace MeetingBot.Storage.Tests;

/// <summary>
/// The chat history's writes of concurrent turns share one transaction (one commit, one fsync on SQLite) instead of
/// one each, in the order they were queued; every write keeps the answer it had alone (appended or already there,
/// replaced, removed), and a transaction the database refuses fails exactly the writes it carried and stores none.
/// </summary>
public class ChatGroupCommitTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Adele = "personal:contoso:adele";

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ConcurrentAppends_WhileTheDatabaseIsBusy_ShareACommit_AndAreStoredInOrder(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var chat = new ChatActivityStore(store.Dialect);

        Task<bool> blocker;
        Task<bool>[] appends;
        using (HoldWriteLock(store))
        {
            blocker = await StartBlocker(chat);
            // Queued one after the other while the blocker's transaction waits: the next transaction carries them all.
            appends = Enumerable.Range(0, 40).Select(i => chat.AppendAsync(Adele, $"a{i}", $"{{\"n\":{i}}}", At.AddSeconds(i))).ToArray();
            await TestStore.WaitUntil(() => chat.Pending == 41);
        }
        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(appends), Assert.True);

        Assert.Equal(2, chat.Commits); // 41 writes: the blocker's transaction, then one for the 40 queued behind it
        var page = await new ChatActivityStore(store.NewDialect()).PageAsync(Adele, null, 100);
        Assert.Equal(["blocker", .. Enumerable.Range(0, 40).Select(i => $"a{i}")], page.Select(a => a.ActivityId));
        Assert.Equal(page.Select(a => a.Seq).Order(), page.Select(a => a.Seq));
        Assert.Equal(page.Count, page.Select(a => a.Seq).Distinct().Count());
        Assert.Equal("{\"n\":7}", page.Single(a => a.ActivityId == "a7").Json);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ADuplicateIdAndItsUpdatesInOneBatch_KeepTheAnswersTheyHaveAlone(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var chat = new ChatActivityStore(store.Dialect);

        Task<bool> blocker;
        Task<bool>[] writes;
        using (HoldWriteLock(store))
        {
            blocker = await StartBlocker(chat);
            writes =
            [
                chat.AppendAsync(Adele, "card", "{\"v\":1}", At),
                chat.AppendAsync(Adele, "card", "{\"v\":9}", At), // an id is stored once, even within one transaction
                chat.ReplaceAsync(Adele, "card", "{\"v\":2}"),
                chat.ReplaceAsync("personal:contoso:megan", "card", "{\"v\":3}"),
                chat.DeleteAsync(Adele, "gone"),
                chat.AppendAsync(Adele, "gone", "{}", At.AddSeconds(1)),
                chat.DeleteAsync(Adele, "gone"),
                chat.AppendAsync(Adele, "after", "{}", At.AddSeconds(2)),
            ];
            await TestStore.WaitUntil(() => chat.Pending == 1 + writes.Length);
        }
        Assert.True(await blocker);

        var answers = await Task.WhenAll(writes);
        Assert.Equal([true, false, true, false, false, true, true, true], answers);
        Assert.Equal(2, chat.Commits);
        var page = await chat.PageAsync(Adele, null, 10);
        Assert.Equal(["blocker", "card", "after"], page.Select(a => a.ActivityId));
        Assert.Equal("{\"v\":2}", await chat.FindAsync(Adele, "card"));
        Assert.Null(await chat.FindAsync(Adele, "gone"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ABatchTheDatabaseRefuses_FailsItsWrites_StoresNone_AndTheNextWriteIsStored(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        using var impatient = ImpatientDialect(store);
        var chat = new ChatActivityStore(impatient.Dialect);
        Assert.True(await chat.AppendAsync(Adele, "before", "{}", At));

        Task<bool>[] refused;
        using (HoldWriteLock(store))
        {
            refused = Enumerable.Range(0, 5).Select(i => Task.Run(() => chat.AppendAsync(Adele, $"r{i}", "{}", At.AddSeconds(i)))).ToArray();
            foreach (var write in refused) await Assert.ThrowsAnyAsync<DbException>(() => write);
        }
        Assert.Equal(0, chat.Pending);
        Assert.True(await chat.AppendAsync(Adele, "after", "{}", At.AddSeconds(9)));

        var page = await chat.PageAsync(Adele, null, 10);
        Assert.Equal(["before", "after"], page.Select(a => a.ActivityId));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task AWriteTheDatabaseRefusesMidBatch_FailsTheWholeBatch_AndNothingOfItIsStored(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        RefuseActivity(store, "poison");
        var chat = new ChatActivityStore(store.Dialect);
        Assert.True(await chat.AppendAsync(Adele, "card", "{\"v\":1}", At));

        Task<bool> blocker;
        Task<bool>[] batch;
        using (HoldWriteLock(store))
        {
            blocker = await StartBlocker(chat);
            batch =
            [
                chat.AppendAsync(Adele, "a", "{}", At.AddSeconds(1)), // written before the refusal, then rolled back
                chat.ReplaceAsync(Adele, "card", "{\"v\":2}"),
                chat.AppendAsync(Adele, "poison", "{}", At.AddSeconds(2)),
                chat.AppendAsync(Adele, "b", "{}", At.AddSeconds(3)),
            ];
            await TestStore.WaitUntil(() => chat.Pending == 1 + batch.Length);
        }

        Assert.True(await blocker); // its own transaction: untouched by the next one's failure
        foreach (var write in batch) await Assert.ThrowsAnyAsync<DbException>(() => write);
        Assert.Equal(0, chat.Pending);
        Assert.True(await chat.AppendAsync(Adele, "later", "{}", At.AddSeconds(4)));

        var page = await chat.PageAsync(Adele, null, 10);
        Assert.Equal(["card", "blocker", "later"], page.Select(a => a.ActivityId));
        Assert.Equal("{\"v\":1}", await chat.FindAsync(Adele, "card"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task AWriteCancelledWhileQueued_IsLeftOut_AndTheOthersAreStored(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var chat = new ChatActivityStore(store.Dialect);
        using var cancel = new CancellationTokenSource();

        Task<bool> blocker, cancelled, kept;
        using (HoldWriteLock(store))
        {
            blocker = await StartBlocker(chat);
            cancelled = chat.AppendAsync(Adele, "cancelled", "{}", At, cancel.Token);
            kept = chat.AppendAsync(Adele, "kept", "{}", At.AddSeconds(1));
            await TestStore.WaitUntil(() => chat.Pending == 3);
            await cancel.CancelAsync();
        }

        Assert.True(await blocker);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(await kept);
        Assert.Equal(["blocker", "kept"], (await chat.PageAsync(Adele, null, 10)).Select(a => a.ActivityId));
    }

    /// <summary>
    /// A write that takes the store's writer and waits on the held lock in its own transaction, so the writes queued
    /// after it go into the next transaction together.
    /// </summary>
    private static async Task<Task<bool>> StartBlocker(ChatActivityStore chat)
    {
        var blocker = Task.Run(() => chat.AppendAsync(Adele, "blocker", "{}", At.AddSeconds(-1)));
        await TestStore.WaitUntil(() => chat.Pending == 1 && chat.Writing);
        await Task.Delay(50); // it has taken its write from the queue
        Assert.False(blocker.IsCompleted);
        return blocker;
    }

    /// <summary>A dialect on the same database that gives up on a held lock after 300 ms instead of waiting.</summary>
    private static Owned ImpatientDialect(TestStore store) => store.Provider == "sqlite"
        ? new Owned(new SqliteDialect($"Data Source={store.SqlitePath}", busyTimeout: TimeSpan.FromMilliseconds(300)))
        : new Owned(new PostgresDialect(new NpgsqlConnectionStringBuilder(store.PostgresConnection) { Options = "-c lock_timeout=300" }.ToString()));

    /// <summary>A trigger makes the database refuse to store the activity with this id (any other is stored).</summary>
    private static void RefuseActivity(TestStore store, string activityId)
    {
        using var connection = store.Dialect.Open();
        using var create = connection.CreateCommand();
        create.CommandText = store.Provider == "sqlite"
            ? $"CREATE TRIGGER refuse_activity BEFORE INSERT ON chat_activities WHEN NEW.activity_id = '{activityId}' " +
              "BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            : "CREATE FUNCTION refuse_activity() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
              $"IF NEW.activity_id = '{activityId}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$; " +
              "CREATE TRIGGER refuse_activity BEFORE INSERT ON chat_activities FOR EACH ROW EXECUTE FUNCTION refuse_activity();";
        create.ExecuteNonQuery();
    }

    /// <summary>A dialect the test disposes when it owns a connection pool (PostgreSQL).</summary>
    private sealed class Owned(SqlDialect dialect) : IDisposable
    {
        public SqlDialect Dialect { get; } = dialect;
        public void Dispose() => (Dialect as IDisposable)?.Dispose();
    }

    /// <summary>Another connection holds the write lock of chat_activities until disposed (a second host writing).</summary>
    private static IDisposable HoldWriteLock(TestStore store) =>
        store.HoldWriteLock("chat_activities", "INSERT INTO chat_activities (conversation_id, activity_id, json, created_at) VALUES ('lock-holder', 'x', '{}', 0)");
}
