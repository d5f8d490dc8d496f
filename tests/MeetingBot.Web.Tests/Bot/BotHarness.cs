using MeetingBot.Cluster;
using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Seeding;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using BotUnderTest = MeetingBot.Web.Bot.MeetingBot;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// The real bot over a real engine seeded with the repository's demo tenant, on a fake clock, with phones that
/// answer at once. Conversations run through the Bot Builder TestAdapter.
/// </summary>
public sealed class BotHarness
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 15, 0, 0, TimeSpan.Zero);
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

    private BotHarness(bool useDemoClock, bool localDevMode, string channelId)
    {
        Settings = new(TenantId, "", LocalDevMode: localDevMode);
        Storage = new MemoryStorage(StoredItems);
        Clock = new FakeTimeProvider(Start);
        Time = useDemoClock ? new DemoClock(Clock) : Clock;
        Events = new RecordingEngineEvents();
        Engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, Time, Events);
        Tenants = new LocalTenants(Engine);
        var seed = LoadDemoTenant();
        // The directory Teams chats are matched against: megan is deliberately left for an admin to map.
        seed.AadTenantId = AadTenantId;
        foreach (var user in seed.Users.Where(u => u.Id is "adele" or "nestor")) user.AadObjectId = AadObjectIdOf(user.Id);
        Tenants.Add(seed);
        ConversationState = new ConversationState(Storage);
        UserState = new UserState(Storage);
        References = new ConversationReferenceStore(Storage);
        var conversation = TestAdapter.CreateConversation("bot-tests");
        conversation.ChannelId = channelId;
        conversation.Conversation.TenantId = AadTenantId;
        Adapter = new TestAdapter(conversation);
    }

    public FakeTimeProvider Clock { get; }
    /// <summary>What the engine and bot read: the fake clock, or the demo clock over it.</summary>
    public TimeProvider Time { get; }
    public RecordingEngineEvents Events { get; }
    public ConferenceEngine Engine { get; }
    /// <summary>What the bot reaches its tenants through (in production, the tenant grains).</summary>
    public LocalTenants Tenants { get; }
    public ConversationState ConversationState { get; }
    public UserState UserState { get; }
    public TestAdapter Adapter { get; }
    /// <summary>The bot's state store: conversation and user state, and the conversation references.</summary>
    public MemoryStorage Storage { get; }
    /// <summary>What <see cref="Storage"/> holds, by key.</summary>
    public Dictionary<string, JObject> StoredItems { get; } = [];
    public ConversationReferenceStore References { get; }
    public NoticeLedger Ledger { get; } = new();
    public BotSettings Settings { get; }

    /// <param name="localDevMode">The host's MeetingBot:LocalDevMode (the demo's `act as` needs it).</param>
    /// <param name="channelId">The channel the conversation comes from: Bot Builder's test channel by default.</param>
    public static BotHarness Create(bool useDemoClock = false, bool localDevMode = true, string channelId = Microsoft.Bot.Connector.Channels.Test) =>
        new(useDemoClock, localDevMode, channelId);

    /// <summary>A fresh bot per turn, as the host makes one per request (IBot is transient).</summary>
    public BotUnderTest NewBot() => new(Tenants, ConversationState, UserState, References, Ledger, Time, Settings);

    public TestFlow Flow() => new(Adapter, (context, ct) => NewBot().OnTurnAsync(context, ct));

    /// <summary>Moves the fake clock and lets the engine catch up, as the host's ticker would.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Engine.Tick();
    }

    /// <summary>An Action.Submit as the Emulator delivers it: a message with a value and no text.</summary>
    public static Activity Submit(object data) => new()
    {
        Type = ActivityTypes.Message,
        Value = JObject.FromObject(data),
        ChannelData = new JObject { ["postBack"] = true },
    };

    public static TenantSeed LoadDemoTenant()
    {
        // The same appsettings.json the host reads (linked into the web project and copied beside the tests).
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        return configuration.GetSection("DemoTenant").Get<TenantSeed>() ?? throw new InvalidOperationException("No DemoTenant in appsettings.json");
    }
}
