using MeetingBot.Engine;
using MeetingBot.Engine.Seeding;
using MeetingBot.Testing;
using MeetingBot.Web.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using BotUnderTest = MeetingBot.Web.Bot.MeetingBot;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// The test kit's <see cref="BotTestHost"/> as these tests use it: the demo tenant with Teams ids for adele and nestor,
/// the fake clock itself unless a test asks for the demo clock, and Bot Builder's TestFlow to drive it.
/// </summary>
public sealed class BotHarness
{
    public static readonly DateTimeOffset Start = BotTestHostOptions.DefaultStart;
    public const string TenantId = "contoso";

    /// <summary>The demo tenant's Microsoft Entra tenant id in these tests (what Teams sends as channelData.tenant.id).</summary>
    public const string AadTenantId = "c0a7e5b1-1111-4222-8333-944455556666";

    /// <summary>The Entra object ids of the demo users in these tests (what Teams sends as from.aadObjectId).</summary>
    public static string AadObjectIdOf(string userId) => userId switch
    {
        "adele" => "a0000000-0000-4000-8000-00000000ade1",
        "nestor" => "a0000000-0000-4000-8000-0000000e5702",
        "megan" => "a0000000-0000-4000-8000-00000000e9a0",
        _ => throw new ArgumentOutOfRangeException(nameof(userId), userId, "no object id in the tests"),
    };

    private readonly BotTestHost _host;

    private BotHarness(bool useDemoClock, bool localDevMode, string channelId)
    {
        // The directory Teams chats are matched against: megan is deliberately left for an admin to map.
        var seed = TenantBuilder.Demo()
            .Configure(t => t.AadTenantId = AadTenantId)
            .WithUser("adele", u => u.AadObjectId = AadObjectIdOf("adele"))
            .WithUser("nestor", u => u.AadObjectId = AadObjectIdOf("nestor"))
            .Build();
        _host = new BotTestHost(seed, new BotTestHostOptions
        {
            UseDemoClock = useDemoClock,
            LocalDevMode = localDevMode,
            ChannelId = channelId,
            UserName = "User1",
            AadTenantId = AadTenantId,
        });
    }

    public FakeTimeProvider Clock => _host.Clock;
    /// <summary>What the engine and bot read: the fake clock, or the demo clock over it.</summary>
    public TimeProvider Time => _host.Time;
    public RecordingEngineEvents Events => _host.Events;
    public ConferenceEngine Engine => _host.Engine;
    /// <summary>What the bot reaches its tenants through (in production, the tenant grains).</summary>
    public LocalTenants Tenants => _host.Tenants;
    public ConversationState ConversationState => _host.ConversationState;
    public UserState UserState => _host.UserState;
    public TestAdapter Adapter => _host.Adapter;
    /// <summary>The bot's state store: conversation and user state, and the conversation references.</summary>
    public MemoryStorage Storage => _host.Storage;
    /// <summary>What <see cref="Storage"/> holds, by key.</summary>
    public Dictionary<string, JObject> StoredItems => _host.StoredItems;
    public ConversationReferenceStore References => _host.References;
    public NoticeLedger Ledger => _host.Ledger;
    public BotSettings Settings => _host.Settings;

    /// <param name="localDevMode">The host's MeetingBot:LocalDevMode (the demo's `act as` needs it).</param>
    /// <param name="channelId">The channel the conversation comes from: Bot Builder's test channel by default.</param>
    public static BotHarness Create(bool useDemoClock = false, bool localDevMode = true, string channelId = Microsoft.Bot.Connector.Channels.Test) =>
        new(useDemoClock, localDevMode, channelId);

    /// <summary>The bot every turn goes to (one instance, as in the host).</summary>
    public BotUnderTest Bot => _host.Bot;

    /// <summary>Another bot over the same engine and state (for tests of the bot's own construction).</summary>
    public BotUnderTest NewBot() => _host.NewBot();

    public TestFlow Flow() => _host.Flow();

    /// <summary>Moves the fake clock and lets the engine catch up, as the host's ticker would.</summary>
    public void Advance(TimeSpan by) => _host.Advance(by);

    /// <summary>An Action.Submit as the Emulator delivers it: a message with a value and no text.</summary>
    public static Activity Submit(object data) => BotTestHost.Submit(data);

    public static TenantSeed LoadDemoTenant() => TenantBuilder.Demo().Build();
}
