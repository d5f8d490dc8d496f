using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Engine events become proactive messages in the user's saved conversation (TestAdapter as the channel).</summary>
public sealed class BotEventSubscriberTests
{
    private static readonly DateTimeOffset At = BotHarness.Start;

    internal static (BotHarness Harness, BotEventSubscriber Subscriber) Create()
    {
        var h = BotHarness.Create();
        var subscriber = new BotEventSubscriber(h.Adapter, h.References, h.Tenants, h.Ledger, h.Settings, NullLogger<BotEventSubscriber>.Instance);
        return (h, subscriber);
    }

    internal static ConversationReference Reference(TestAdapter adapter, string conversationId) => new()
    {
        ChannelId = adapter.Conversation.ChannelId,
        ServiceUrl = adapter.Conversation.ServiceUrl,
        Bot = adapter.Conversation.Bot,
        User = adapter.Conversation.User,
        Conversation = new ConversationAccount(id: conversationId),
    };

    private static IActivity? Next(TestAdapter adapter) => adapter.ActiveQueue.Count > 0 ? adapter.GetNextReply() : null;

    [Fact]
    public async Task HandleAsync_CallingFeatureUnavailable_SendsExactMessageToThatUsersConversation()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        await subscriber.HandleAsync(new CallingFeatureUnavailable(BotHarness.TenantId, At, "adele", "1", EngineError.CallingFeatureNotSetUp, EngineMessages.NotSetUpForCallingFeature), default);

        var sent = Assert.IsAssignableFrom<IMessageActivity>(Next(h.Adapter));
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, sent.Text);
        Assert.Equal("adele-chat", sent.Conversation.Id);
    }

    [Fact]
    public async Task HandleAsync_UserWithoutConversation_SendsNothing()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        await subscriber.HandleAsync(new CallingFeatureUnavailable(BotHarness.TenantId, At, "lee", "1", EngineError.CallingFeatureNotSetUp, EngineMessages.NotSetUpForCallingFeature), default);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_HangUpReminder_SendsCardWithHangUpButtonUnlessJustSaidInReply()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        var reminder = new HangUpReminder(BotHarness.TenantId, At, "adele", "1", "leg-7", "+14055550100", TimeSpan.FromMinutes(3), EngineMessages.HangUpBothEnds);

        await subscriber.HandleAsync(reminder, default);
        var card = Card(Next(h.Adapter)!);
        Assert.Equal("leg-7", (string?)SubmitTitled(card, "Hang up my phone")["data"]!["legId"]);

        h.Ledger.MarkTold(NoticeLedger.Reminder("adele", "1"));
        await subscriber.HandleAsync(reminder, default);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_AddedPhoneStillConnected_SaysWhatItCosts_WithAHangUpButtonForThatLeg()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "lee", Reference(h.Adapter, "lee-chat"));

        await subscriber.HandleAsync(new AddedPhoneStillConnected(BotHarness.TenantId, At, "lee", "4", "leg-9", "+20227921235", 0.24m, "USD"), default);

        var card = Card(Next(h.Adapter)!);
        Assert.Equal("leg-9", (string?)SubmitTitled(card, "Hang up +20 2 27921235")["data"]!["legId"]);
        Assert.Contains("whom you added by phone to meeting 4, is still connected after you left and is charged to Communications Credits at 0.24 USD a minute.",
            card.ToString());
    }

    [Fact]
    public async Task HandleAsync_LegConnectedAndCutOff_TellsTheRequester()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        await subscriber.HandleAsync(new CallLegStateChanged(BotHarness.TenantId, At, "leg-1", "1", "adele", CallLegKind.CallMe, "+14055550100", CallLegState.Connected, 1), default);
        await subscriber.HandleAsync(new CallLegStateChanged(BotHarness.TenantId, At, "leg-1", "1", "adele", CallLegKind.CallMe, "+14055550100", CallLegState.CutOff, 120), default);
        await subscriber.HandleAsync(new CallLegStateChanged(BotHarness.TenantId, At, "leg-2", "1", "adele", CallLegKind.CallMe, "+14055550100", CallLegState.Ringing, 0), default);

        Assert.Equal("📞 Your phone +1 405-555-0100 is connected to meeting 1.", Next(h.Adapter)!.AsMessageActivity().Text);
        Assert.Contains("cut off after 120 minute(s)", Next(h.Adapter)!.AsMessageActivity().Text);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_PoolLow_GoesToAdminsOnly()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        await h.References.SaveAsync(BotHarness.TenantId, "nestor", Reference(h.Adapter, "nestor-chat"));
        await subscriber.HandleAsync(new PoolLow(BotHarness.TenantId, At, 80, 96, 120), default);

        var sent = Next(h.Adapter)!.AsMessageActivity();
        Assert.Equal("nestor-chat", sent.Conversation.Id);
        Assert.Contains("96/120", sent.Text);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_RefusalJustShownInReply_NotRepeated()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "alex", Reference(h.Adapter, "alex-chat"));
        h.Ledger.MarkTold(NoticeLedger.Unavailable("alex", "1"));
        await subscriber.HandleAsync(new CallingFeatureUnavailable(BotHarness.TenantId, At, "alex", "1", EngineError.CallingFeatureNotSetUp, EngineMessages.NotSetUpForCallingFeature), default);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_CallerWaitingInLobby_OrganizerGetsLobbyCardWithAdmitButton()
    {
        var (h, subscriber) = Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", Reference(h.Adapter, "adele-chat"));
        await h.References.SaveAsync(BotHarness.TenantId, "lee", Reference(h.Adapter, "lee-chat"));
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Sync", At, At.AddMinutes(30)).Unwrap();
        var session = h.Engine.StartDialIn("+14056660187", "+14055550123").Unwrap();
        h.Engine.EnterDialInDigits(session.Id, meeting.ConferenceId + "#").Unwrap();
        h.Engine.EnterDialInDigits(session.Id, "#").Unwrap(); // no PIN: a guest
        var joined = Assert.IsType<ParticipantJoined>(h.Events.All.Last(e => e is ParticipantJoined));

        await subscriber.HandleAsync(joined, default);
        await subscriber.HandleAsync(joined with { InLobby = false }, default);

        var sent = Next(h.Adapter)!.AsMessageActivity();
        Assert.Equal("adele-chat", sent.Conversation.Id);
        Assert.Equal($"🚪 +1 405-555-0123 is waiting in the lobby of meeting {meeting.Id}.", sent.Text);
        var admit = SubmitTitled(Card(sent), "Admit +1 405-555-0123");
        Assert.Equal(joined.ParticipantId, (string?)admit["data"]!["participantId"]);
        Assert.Null(Next(h.Adapter));
    }

    [Fact]
    public async Task HandleAsync_PhoneConnects_RedrawsTheRosterCardPostedWhileItRang_InPlace()
    {
        // A phone that rings for two seconds before it answers, as the simulated phone network does by default.
        await using var h = new MeetingBot.Testing.BotTestHost(options: new MeetingBot.Testing.BotTestHostOptions { Engine = new EngineOptions { AutoAnswerAfter = TimeSpan.FromSeconds(2) } });
        async Task<List<IActivity>> Say(string text)
        {
            await h.Adapter.ProcessActivityAsync(MessageFactory.Text(text), (c, ct) => h.Bot.OnTurnAsync(c, ct));
            var replies = new List<IActivity>();
            while (h.Adapter.ActiveQueue.Count > 0) replies.Add(h.Adapter.GetNextReply());
            return replies;
        }
        await Say("schedule Ring test");
        var roster = (await Say("call me at 405 555 0100 now")).Single(a => CardJson(a).Contains("ringing", StringComparison.Ordinal));
        var channel = new UpdateRecordingAdapter(h.Adapter.Conversation);
        var subscriber = new BotEventSubscriber(channel, h.References, h.Tenants, h.Ledger, h.Settings, NullLogger<BotEventSubscriber>.Instance);

        h.Advance(TimeSpan.FromSeconds(3));
        foreach (var e in h.Events.All.OfType<CallLegStateChanged>().Where(e => e.State == CallLegState.Connected))
            await subscriber.HandleAsync(e, default);

        var update = Assert.Single(channel.Updates);
        Assert.Equal(roster.Id, update.Id);
        Assert.Equal(roster.Conversation.Id, update.Conversation.Id);
        // A proactive update answers nothing: Web Chat would hold back a reply to the continuation's made-up id.
        Assert.Null(update.ReplyToId);
        Assert.DoesNotContain("ringing", CardJson(update), StringComparison.Ordinal);
        Assert.Contains("+1 405-555-0100", CardJson(update), StringComparison.Ordinal);
        Assert.Contains(channel.Sent, a => (a as IMessageActivity)?.Text?.Contains("is connected to meeting", StringComparison.Ordinal) == true);
    }

    private static string CardJson(IActivity activity) =>
        Newtonsoft.Json.JsonConvert.SerializeObject((activity as IMessageActivity)?.Attachments ?? []);

    /// <summary>The channel as a test sees it: what the bot posted and which posted activities it asked to update.</summary>
    private sealed class UpdateRecordingAdapter(ConversationReference conversation) : TestAdapter(conversation)
    {
        public List<IActivity> Updates { get; } = [];
        public List<IActivity> Sent { get; } = [];

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            Sent.AddRange(activities);
            return base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }

        public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        {
            Updates.Add(activity);
            await base.UpdateActivityAsync(turnContext, activity, cancellationToken);
            // As a channel answers (TestAdapter's answer has no id, and TurnContext writes the answer's id back on the activity).
            return new ResourceResponse(activity.Id);
        }
    }
}
