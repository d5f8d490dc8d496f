using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Beyond Teams: before a call is cut off, the dialing user and the organizer get a card to add funds or hang up.</summary>
public sealed class CutOffWarningBotTests
{
    [Fact]
    public async Task CutOffWarning_DialerAndOrganizerGetACard_AddFundsOnlyForTheAdmin_HangUpForBoth()
    {
        var (h, subscriber) = BotEventSubscriberTests.Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", BotEventSubscriberTests.Reference(h.Adapter, "adele-chat"));
        await h.References.SaveAsync(BotHarness.TenantId, "nestor", BotEventSubscriberTests.Reference(h.Adapter, "nestor-chat"));
        var warning = new CutOffWarning(BotHarness.TenantId, BotHarness.Start, "4", "leg-5", "+14055550100", "adele", "nestor", 5, 5, EngineMessages.CutOffWarning(5));

        await subscriber.HandleAsync(warning, default);

        var sent = new[] { h.Adapter.GetNextReply(), h.Adapter.GetNextReply() }.ToDictionary(a => a.Conversation.Id);
        Assert.Equal(2, sent.Count);
        foreach (var activity in sent.Values)
        {
            var card = Card(activity);
            Assert.Equal("⏳ The call to +1 405-555-0100 in meeting 4 will be cut off in about 5 minutes.", activity.AsMessageActivity().Text);
            Assert.Equal(EngineMessages.CutOffWarning(5), (string?)ById(card, "message")!["text"]);
            var hangUp = SubmitTitled(card, "Hang up")["data"]!;
            Assert.Equal((CardActions.HangUp, "leg-5", "4"), ((string?)hangUp["action"], (string?)hangUp["legId"], (string?)hangUp["meetingId"]));
        }
        var admins = Card(sent["nestor-chat"]);
        Assert.Equal(CardActions.AddFunds, (string?)SubmitTitled(admins, "Add funds")["data"]!["action"]);
        Assert.NotNull(ById(admins, "fundsAmount"));
        var users = Card(sent["adele-chat"]);
        Assert.DoesNotContain(Submits(users), s => (string?)s["title"] == "Add funds");
        Assert.Null(ById(users, "fundsAmount"));
        Assert.NotNull(ById(users, "askAdmin"));
    }

    [Fact]
    public async Task CutOffWarning_DialerIsTheOrganizer_OneCard()
    {
        var (h, subscriber) = BotEventSubscriberTests.Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", BotEventSubscriberTests.Reference(h.Adapter, "adele-chat"));

        await subscriber.HandleAsync(new CutOffWarning(BotHarness.TenantId, BotHarness.Start, "4", "leg-5", "+14055550100", "adele", "adele", 1, 1, EngineMessages.CutOffWarning(1)), default);

        Assert.Contains("about 1 minute.", h.Adapter.GetNextReply().AsMessageActivity().Text);
        Assert.Empty(h.Adapter.ActiveQueue);
    }

    [Fact]
    public async Task ReadmeStory_FastForwardOnTheDemoClock_WarnsAtFiveThenOne_ThenCutsOff()
    {
        var h = BotHarness.Create(useDemoClock: true);
        await h.Flow()
            .Send("schedule Weekly sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("fast forward 116").AssertReply(_ => { })
            .StartTestAsync();
        var leg = h.Engine.ListLegs(BotHarness.TenantId, "1").Single();
        Assert.Equal([5], h.Events.All.OfType<CutOffWarning>().Select(w => w.MinutesLeft));
        Assert.Equal(CallLegState.Connected, leg.State);

        await h.Flow().Send("fast forward 5").AssertReply(_ => { }).StartTestAsync();

        Assert.Equal([5, 1], h.Events.All.OfType<CutOffWarning>().Select(w => w.MinutesLeft));
        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal([EngineMessages.CutOffWarning(5), EngineMessages.CutOffWarning(1)], leg.Prompts.Select(p => p.Text));
    }
}
