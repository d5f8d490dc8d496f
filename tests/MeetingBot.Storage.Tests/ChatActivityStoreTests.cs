using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Storage.Tests;

/// <summary>The web chat's history (migration 010): kept across hosts, updated and deleted in place, paged backwards.</summary>
public class ChatActivityStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task PageAsync_FromANewHost_PagesBackwardsOldestFirstWithinAPage(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var writer = new ChatActivityStore(store.Dialect);
        for (var i = 1; i <= 5; i++) Assert.True(await writer.AppendAsync("personal:contoso:adele", $"a{i}", $"{{\"n\":{i}}}", At.AddSeconds(i)));
        await writer.AppendAsync("personal:contoso:megan", "m1", "{}", At);

        var reader = new ChatActivityStore(store.NewDialect());
        var newest = await reader.PageAsync("personal:contoso:adele", null, 3);
        var older = await reader.PageAsync("personal:contoso:adele", newest[0].Seq, 3);

        Assert.Equal(["a3", "a4", "a5"], newest.Select(a => a.ActivityId));
        Assert.Equal(["a1", "a2"], older.Select(a => a.ActivityId));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ReplaceAndDelete_OnlyWithinTheirConversation(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var chat = new ChatActivityStore(store.Dialect);
        await chat.AppendAsync("personal:contoso:adele", "card", "{\"v\":1}", At);
        await chat.AppendAsync("personal:contoso:adele", "after", "{}", At.AddSeconds(1));

        Assert.False(await chat.AppendAsync("personal:contoso:adele", "card", "{\"v\":9}", At)); // an id is stored once
        Assert.False(await chat.ReplaceAsync("personal:contoso:megan", "card", "{\"v\":2}"));
        Assert.True(await chat.ReplaceAsync("personal:contoso:adele", "card", "{\"v\":2}"));
        Assert.False(await chat.DeleteAsync("personal:contoso:megan", "after"));

        var page = await chat.PageAsync("personal:contoso:adele", null, 10);
        Assert.Equal(["card", "after"], page.Select(a => a.ActivityId)); // the update kept its place
        Assert.Equal("{\"v\":2}", await chat.FindAsync("personal:contoso:adele", "card"));
        Assert.True(await chat.DeleteAsync("personal:contoso:adele", "card"));
        Assert.Null(await chat.FindAsync("personal:contoso:adele", "card"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Retention_DeletesChatHistoryOlderThanTheRetention_InEveryConversation_AndPagingGoesOn(string provider)
    {
        using var store = TestStore.Create(provider);
        SchemaMigrator.Migrate(store.Dialect);
        var chat = new ChatActivityStore(store.Dialect);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At);
        for (var day = 0; day < 10; day++)
        {
            await chat.AppendAsync("personal:contoso:adele", $"a{day}", $"{{\"day\":{day}}}", At.AddDays(day));
            await chat.AppendAsync("meeting:contoso:42", $"m{day}", $"{{\"day\":{day}}}", At.AddDays(day));
        }
        clock.Advance(TimeSpan.FromDays(12));
        var retention = new MeetingBot.Web.Storage.StateRetention(new ConversationStateStore(store.NewDialect(), clock),
            Microsoft.Extensions.Options.Options.Create(new MeetingBot.Web.Storage.StorageOptions { StateRetention = TimeSpan.Zero, ChatRetention = TimeSpan.FromDays(5) }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingBot.Web.Storage.StateRetention>.Instance, chat, clock);

        var purged = retention.PurgeOnce();

        // Day 12 minus 5 days: days 0–6 go (before the cutoff), days 7–9 stay, in both conversations.
        Assert.Equal((0, 14), purged);
        var adele = await chat.PageAsync("personal:contoso:adele", null, 50);
        Assert.Equal(["a7", "a8", "a9"], adele.Select(a => a.ActivityId));
        Assert.Empty(await chat.PageAsync("personal:contoso:adele", adele[0].Seq, 50)); // nothing older is left
        Assert.Equal(["a8"], (await chat.PageAsync("personal:contoso:adele", adele[2].Seq, 1)).Select(a => a.ActivityId));
        Assert.Equal(3, (await chat.PageAsync("meeting:contoso:42", null, 50)).Count);
        Assert.Equal((0, 0), retention.PurgeOnce());
    }
}
