using MeetingBot.Cluster;
using MeetingBot.Engine;
using MeetingBot.Engine.Seeding;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Bot.Transcripts;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Hubs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing;

/// <summary>
/// The real bot over a real conference engine, in process: a fake clock (with the demo clock over it), one seeded
/// tenant, the bot's state in memory, Bot Builder's <see cref="TestAdapter"/> as the channel, and the host's own
/// <see cref="BotEventSubscriber"/> turning engine events into proactive messages (and its
/// <see cref="SignalREventSubscriber"/> into recorded <see cref="Pushes"/>). <see cref="SendAsync"/> runs one
/// turn and returns everything the bot said because of it, replies and proactive messages alike.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly OrderedTranscriptLogger? _transcript;
    private readonly SignalREventSubscriber _pushes;
    private readonly List<IActivity> _sent = [];
    private readonly List<IActivity> _updates = [];
    private int _delivered;

    public BotTestHost(TenantSeed? tenant = null, BotTestHostOptions? options = null)
    {
        Options = options ?? new();
        var seed = tenant ?? TenantBuilder.Demo().Build();
        Settings = new(seed.Id, "", LocalDevMode: Options.LocalDevMode);
        Storage = new MemoryStorage(StoredItems);
        Clock = new FakeTimeProvider(Options.Start);
        Ledger = new NoticeLedger(Clock);
        Time = Options.UseDemoClock ? new DemoClock(Clock) : Clock;
        Engine = new ConferenceEngine(Options.Engine, Time, Events);
        Tenants = new LocalTenants(Engine);
        Tenants.Add(seed);
        ConversationState = new ConversationState(Storage);
        UserState = new UserState(Storage);
        References = new ConversationReferenceStore(Storage);

        var conversation = new ConversationReference
        {
            ChannelId = Options.ChannelId,
            ServiceUrl = "https://test.com",
            User = new ChannelAccount(Options.UserId, Options.UserName, RoleTypes.User),
            Bot = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
            Conversation = new ConversationAccount(false, "personal", Options.ConversationId, Options.ConversationId, tenantId: Options.AadTenantId),
            Locale = "en-us",
        };
        Adapter = new UpdateRecordingTestAdapter(conversation, _updates);
        Adapter.Use(new FakeClockStamp(Clock));
        if (Options.TranscriptDirectory is { } directory)
        {
            _transcript = new OrderedTranscriptLogger(new FileTranscriptLogger(directory), NullLogger.Instance);
            Adapter.Use(new TranscriptMiddleware(_transcript));
        }
        Subscriber = new BotEventSubscriber(Adapter, References, Tenants, Ledger, Settings, NullLogger<BotEventSubscriber>.Instance);
        _pushes = new SignalREventSubscriber(Hub, Tenants, new MeetingConnectionCounter(), Microsoft.Extensions.Options.Options.Create(new MeetingBotOptions()));
    }

    public BotTestHostOptions Options { get; }
    public string TenantId => Settings.TenantId;
    public FakeTimeProvider Clock { get; }
    /// <summary>What the engine and bot read: the demo clock over <see cref="Clock"/>, or the fake clock itself.</summary>
    public TimeProvider Time { get; }
    /// <summary>Every engine event so far: what the host pushes over SignalR and turns into proactive messages.</summary>
    public RecordingEngineEvents Events { get; } = new();
    public ConferenceEngine Engine { get; }
    /// <summary>What the bot reaches its tenant through (in production, the tenant grains).</summary>
    public LocalTenants Tenants { get; }
    public ConversationState ConversationState { get; }
    public UserState UserState { get; }
    public TestAdapter Adapter { get; }
    /// <summary>The bot's state store: conversation and user state, and the conversation references.</summary>
    public MemoryStorage Storage { get; }
    /// <summary>What <see cref="Storage"/> holds, by key.</summary>
    public Dictionary<string, JObject> StoredItems { get; } = [];
    public ConversationReferenceStore References { get; }
    /// <summary>On the fake clock (not the demo clock): whether a proactive notice repeats a reply does not depend on how fast the test runs.</summary>
    public NoticeLedger Ledger { get; }
    public BotSettings Settings { get; }
    public BotEventSubscriber Subscriber { get; }
    /// <summary>The SignalR pushes the host would have sent web clients for the delivered engine events.</summary>
    public RecordingHubContext Hub { get; } = new();
    public IReadOnlyList<Push> Pushes => Hub.Pushes;
    /// <summary>Every activity the bot sent through <see cref="SendAsync"/> and <see cref="AdvanceAsync"/>, in order.</summary>
    public IReadOnlyList<IActivity> Sent => _sent;

    /// <summary>
    /// Activities the bot updated in place (a roster card redrawn when a phone answers), in order. The replies a test
    /// reads stay as they were sent, as a person saw them at the time.
    /// </summary>
    public IReadOnlyList<IActivity> Updates => _updates;

    private global::MeetingBot.Web.Bot.MeetingBot? _bot;

    /// <summary>The bot every turn goes to: one instance, as the host has one (IBot is a singleton).</summary>
    public global::MeetingBot.Web.Bot.MeetingBot Bot => _bot ??= NewBot();

    /// <summary>Another bot over the same host's engine and state (for tests of the bot's own construction).</summary>
    public global::MeetingBot.Web.Bot.MeetingBot NewBot() => new(Tenants, ConversationState, UserState, References, Ledger, Time, Settings);

    /// <summary>Bot Builder's own TestFlow over this host (no proactive messages: engine events stay in <see cref="Events"/>).</summary>
    public TestFlow Flow() => new(Adapter, (context, ct) => Bot.OnTurnAsync(context, ct));

    /// <summary>A conversation to drive with the fluent API: <c>await host.Chat().Say("help").ExpectCard("What I can do")</c>.</summary>
    public Conversation Chat() => new(this);

    /// <summary>
    /// One turn: the activity as the channel delivers it (the conversation's ids filled in, stamped with the fake
    /// clock), then the engine events it caused, delivered as the host does. Returns what the bot sent.
    /// </summary>
    public async Task<IReadOnlyList<IActivity>> SendAsync(Activity activity)
    {
        activity.Timestamp ??= Clock.GetUtcNow();
        activity.LocalTimestamp ??= Clock.GetUtcNow();
        await Adapter.ProcessActivityAsync(activity, (context, ct) => Bot.OnTurnAsync(context, ct));
        return await CollectAsync();
    }

    public Task<IReadOnlyList<IActivity>> SendAsync(string text) => SendAsync(MessageFactory.Text(text));

    /// <summary>Moves the fake clock, lets the engine catch up as the host's ticker would, and delivers the events.</summary>
    public async Task<IReadOnlyList<IActivity>> AdvanceAsync(TimeSpan by)
    {
        Advance(by);
        return await CollectAsync();
    }

    /// <summary>Moves the fake clock and ticks the engine; the events stay undelivered (see <see cref="AdvanceAsync"/>).</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Engine.Tick();
    }

    /// <summary>Writes everything logged so far to the transcript file (when <see cref="BotTestHostOptions.TranscriptDirectory"/> is set).</summary>
    public Task FlushTranscriptAsync() => _transcript?.FlushAsync() ?? Task.CompletedTask;

    /// <summary>Where <see cref="BotTestHostOptions.TranscriptDirectory"/> puts this conversation's file.</summary>
    public string? TranscriptPath => Options.TranscriptDirectory is { } d ? Path.Combine(d, Options.ChannelId, Options.ConversationId + ".transcript") : null;

    public async ValueTask DisposeAsync()
    {
        if (_transcript is not null) await _transcript.DisposeAsync();
    }

    /// <summary>An Action.Submit as the Emulator delivers it: a message with a value and no text.</summary>
    public static Activity Submit(object data) => new()
    {
        Type = ActivityTypes.Message,
        Value = data as JToken ?? JObject.FromObject(data),
        ChannelData = new JObject { ["postBack"] = true },
    };

    private async Task<IReadOnlyList<IActivity>> CollectAsync()
    {
        // Events raised while delivering (none today) are delivered in the same pass, in order.
        for (var events = Events.All; _delivered < events.Count; events = Events.All)
        {
            var engineEvent = events[_delivered++];
            // As the host's dispatcher does: every subscriber hears each event, in order.
            await Subscriber.HandleAsync(engineEvent, CancellationToken.None);
            await _pushes.HandleAsync(engineEvent, CancellationToken.None);
        }
        var sent = new List<IActivity>();
        while (Adapter.ActiveQueue.Count > 0) sent.Add(Adapter.GetNextReply());
        _sent.AddRange(sent);
        return sent;
    }

    /// <summary>Bot Builder's test channel, except that an update is recorded instead of rewriting the queued reply.</summary>
    private sealed class UpdateRecordingTestAdapter(ConversationReference conversation, List<IActivity> updates) : TestAdapter(conversation)
    {
        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        {
            lock (updates) updates.Add(activity);
            return Task.FromResult(new ResourceResponse(activity.Id));
        }
    }

    /// <summary>Stamps what the bot sends with the fake clock, so a recorded transcript says when, in test time.</summary>
    private sealed class FakeClockStamp(TimeProvider clock) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            turnContext.OnSendActivities((_, activities, nextSend) =>
            {
                foreach (var a in activities) a.Timestamp = clock.GetUtcNow();
                return nextSend();
            });
            return next(cancellationToken);
        }
    }
}
