using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Conversation references live in the bot's IStorage (SQL when durable; its round trip is tested in
/// MeetingBot.Storage.Tests), so a new store over the same storage — a restarted host — still reaches users.
/// </summary>
public sealed class ConversationReferenceStoreTests
{
    private const string Tenant = "contoso";

    private static ConversationReference Reference(string conversationId, string activityId = "a-1") => new()
    {
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:9/",
        ActivityId = activityId,
        Bot = new ChannelAccount("bot-id", "Bot"),
        User = new ChannelAccount("user-id", "User"),
        Conversation = new ConversationAccount(id: conversationId + "|livechat"),
    };

    [Fact]
    public async Task GetAsync_NewStoreOverSameStorage_ReturnsReferenceSavedBeforeRestart()
    {
        var storage = new MemoryStorage();
        await new ConversationReferenceStore(storage).SaveAsync(Tenant, "adele", Reference("adele-chat"));

        var afterRestart = new ConversationReferenceStore(storage);
        var reference = await afterRestart.GetAsync(Tenant, "Adele");

        Assert.NotNull(reference);
        Assert.Equal("adele-chat|livechat", reference.Conversation.Id);
        Assert.Equal("http://127.0.0.1:9/", reference.ServiceUrl);
        Assert.Equal("emulator", reference.ChannelId);
        Assert.Equal("bot-id", reference.Bot.Id);
        var stored = await storage.ReadAsync([ConversationReferenceStore.Key("contoso", "adele")], default);
        Assert.Equal("refs/contoso/adele", Assert.Single(stored).Key);
    }

    [Fact]
    public async Task GetAsync_UnknownUserOrOtherTenant_ReturnsNull()
    {
        var storage = new MemoryStorage();
        await new ConversationReferenceStore(storage).SaveAsync(Tenant, "adele", Reference("adele-chat"));

        var otherTenant = new ConversationReferenceStore(storage);

        Assert.Null(await otherTenant.GetAsync("fabrikam", "adele"));
        Assert.Null(await new ConversationReferenceStore(storage).GetAsync(Tenant, "lee"));
    }

    [Fact]
    public async Task SaveAsync_SameConversationNextTurn_WritesStorageOnceButNewConversationAgain()
    {
        var inner = new MemoryStorage();
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Returns((IDictionary<string, object> changes, CancellationToken ct) => inner.WriteAsync(changes, ct));
        var store = new ConversationReferenceStore(storage.Object);

        await store.SaveAsync(Tenant, "adele", Reference("adele-chat", "a-1"));
        await store.SaveAsync(Tenant, "adele", Reference("adele-chat", "a-2"));
        storage.Verify(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()), Times.Once);

        await store.SaveAsync(Tenant, "adele", Reference("restarted-chat", "b-1"));
        storage.Verify(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var reread = await new ConversationReferenceStore(inner).GetAsync(Tenant, "adele");
        Assert.Equal("restarted-chat|livechat", reread?.Conversation.Id);
    }

    [Fact]
    public async Task SaveAsync_TurnsOfOneUserWhileAWriteIsInFlight_OnlyTheNewestIsWrittenAfterIt()
    {
        var inner = new MemoryStorage();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new List<string>();
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IDictionary<string, object> changes, CancellationToken ct) =>
            {
                lock (written) written.Add(((ConversationReference)changes.Values.Single()).Conversation.Id);
                await release.Task;
                await inner.WriteAsync(changes, ct);
            });
        var store = new ConversationReferenceStore(storage.Object);

        var first = store.SaveAsync(Tenant, "adele", Reference("chat-1"));
        var later = new[] { "chat-2", "chat-3", "chat-4" }.Select(c => store.SaveAsync(Tenant, "adele", Reference(c))).ToList();

        Assert.All(later, t => Assert.True(t.IsCompletedSuccessfully, "a turn behind a write in flight does not wait for storage"));
        Assert.False(first.IsCompleted);
        Assert.Equal("chat-4|livechat", (await store.GetAsync(Tenant, "adele"))?.Conversation.Id); // this process reaches the newest at once
        release.SetResult();
        await first;
        await WaitUntilAsync(async () => (await new ConversationReferenceStore(inner).GetAsync(Tenant, "adele"))?.Conversation.Id == "chat-4|livechat");
        lock (written) Assert.Equal(["chat-1|livechat", "chat-4|livechat"], written);

        // Stored and known durable: the next turn in that conversation writes nothing.
        await store.SaveAsync(Tenant, "adele", Reference("chat-4", "a-9"));
        lock (written) Assert.Equal(2, written.Count);
    }

    [Fact]
    public async Task SaveAsync_SameConversationWhileItsWriteIsInFlight_WritesOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = 0;
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IDictionary<string, object> _, CancellationToken _) => { Interlocked.Increment(ref writes); await release.Task; });
        var store = new ConversationReferenceStore(storage.Object);

        var first = store.SaveAsync(Tenant, "adele", Reference("chat-1", "a-1"));
        await store.SaveAsync(Tenant, "adele", Reference("chat-1", "a-2")).WaitAsync(TimeSpan.FromSeconds(10)); // not behind the write
        var lee = store.SaveAsync(Tenant, "lee", Reference("lee-chat", "l-1"));
        Assert.Equal(2, Volatile.Read(ref writes)); // adele's once; lee's started at once: another user never waits behind her
        release.SetResult();
        await Task.WhenAll(first, lee);
        await store.SaveAsync(Tenant, "adele", Reference("chat-1", "a-3"));

        Assert.Equal(2, Volatile.Read(ref writes));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++) await Task.Delay(10);
        Assert.True(await condition());
    }

    [Fact]
    public async Task SaveAsync_StorageWriteFails_KeepsReferenceInMemoryAndWritesOnNextTurn()
    {
        var inner = new MemoryStorage();
        var storage = new Mock<IStorage>();
        var writes = 0;
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Returns((IDictionary<string, object> changes, CancellationToken ct) => ++writes == 1
                ? Task.FromException(new InvalidOperationException("database is locked"))
                : inner.WriteAsync(changes, ct));
        var store = new ConversationReferenceStore(storage.Object, NullLogger<ConversationReferenceStore>.Instance);

        await store.SaveAsync(Tenant, "adele", Reference("adele-chat", "a-1"));
        Assert.Equal("adele-chat|livechat", (await store.GetAsync(Tenant, "adele"))?.Conversation.Id);
        Assert.Null(await new ConversationReferenceStore(inner).GetAsync(Tenant, "adele"));

        await store.SaveAsync(Tenant, "adele", Reference("adele-chat", "a-2"));
        Assert.Equal("adele-chat|livechat", (await new ConversationReferenceStore(inner).GetAsync(Tenant, "adele"))?.Conversation.Id);
    }

    [Fact]
    public async Task HandleAsync_AfterRestartOverSameStorage_ProactiveMessageReachesUserWhoHasNotSpokenSince()
    {
        var before = BotHarness.Create();
        await before.Flow().Send("whoami").AssertReply(_ => { }).StartTestAsync();

        // A new host: new store and subscriber, the same (durable) storage, no turn from the user yet.
        var after = BotHarness.Create();
        var store = new ConversationReferenceStore(before.Storage);
        var subscriber = new BotEventSubscriber(after.Adapter, store, after.Tenants, after.Ledger, after.Settings, NullLogger<BotEventSubscriber>.Instance);
        await subscriber.HandleAsync(new CallingFeatureUnavailable(BotHarness.TenantId, BotHarness.Start, "adele", "1",
            EngineError.CallingFeatureNotSetUp, EngineMessages.NotSetUpForCallingFeature), default);

        var sent = Assert.IsAssignableFrom<IMessageActivity>(after.Adapter.GetNextReply());
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, sent.Text);
        Assert.Equal(before.Adapter.Conversation.Conversation.Id, sent.Conversation.Id);
    }
}
