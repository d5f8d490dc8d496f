using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Beyond Teams: the confirm card says who would pay and what the dial-out policy allows before a minute is spent.</summary>
public sealed class CostPreviewBotTests
{
    private const string T = BotHarness.TenantId;
    private const string Cairo = "+20 2 27921234";

    private static IReadOnlyDictionary<string, string> CostFacts(JObject card) =>
        ById(card, "cost")!["facts"]!.ToDictionary(f => (string)f["title"]!, f => (string)f["value"]!);

    private static Meeting Schedule(BotHarness h, string organizer) =>
        h.Engine.ScheduleMeeting(T, organizer, "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();

    [Fact]
    public async Task CallMe_PoolLeft_CardSaysPooledMinutesLeft_CountryZoneAndPolicy_AndNothingIsDialed()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100")
            .AssertReply(a =>
            {
                var card = Card(a);
                var facts = CostFacts(card);
                Assert.Equal("United States (US), Zone A", facts["Country"]);
                Assert.Equal("the tenant's pooled minutes (120 min left this month)", facts["Paid by"]);
                Assert.Equal("Any destination (yours, as the organizer): allows this number", facts["Dial-out policy"]);
                Assert.Null(ById(card, "refusal"));
                Assert.Equal(CardActions.ConfirmCall, (string?)SubmitTitled(card, "Call")["data"]!["action"]);
            })
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(T, "1"));
    }

    [Fact]
    public async Task CallMe_OutsideZoneA_WithCredits_CardSaysCreditsAtTheRateAsTeamsShowsMoney()
    {
        var h = BotHarness.Create();
        h.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var m = Schedule(h, "lee");
        await h.Flow()
            .Send("act as lee").AssertReply(_ => { })
            .Send($"join {m.Id}").AssertReply(_ => { })
            .Send($"call me at {Cairo}")
            .AssertReply(a =>
            {
                var facts = CostFacts(Card(a));
                Assert.Equal("Egypt (EG), outside Zone A", facts["Country"]);
                Assert.Equal("Communications Credits at $0.24 a minute", facts["Paid by"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task CallMe_NobodyWouldPay_CardShowsTheExactReason_AndOffersNoCall()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send($"call me at {Cairo}") // Adele has no Communications Credits license
            .AssertReply(a =>
            {
                var card = Card(a);
                Assert.Equal("refused: " + EngineMessages.NotSetUpForCallingFeature, CostFacts(card)["Paid by"]);
                Assert.Equal(EngineMessages.NotSetUpForCallingFeature, (string?)ById(card, "refusal")!["text"]);
                Assert.DoesNotContain(Submits(card), s => (string?)s["title"] == "Call");
                Assert.NotNull(SubmitTitled(card, "Cancel"));
            })
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(T, "1"));
    }

    [Fact]
    public async Task CallMe_OrganizersPolicyDontAllow_VerdictSaysSo()
    {
        var h = BotHarness.Create();
        var m = Schedule(h, "alex"); // pay-per-minute Audio Conferencing, dial-out "Don't allow"
        await h.Flow()
            .Send("act as alex").AssertReply(_ => { })
            .Send($"join {m.Id}").AssertReply(_ => { })
            .Send("call me at 405 555 0100")
            .AssertReply(a =>
            {
                var card = Card(a);
                Assert.Equal("Don't allow (yours, as the organizer): does not allow this number", CostFacts(card)["Dial-out policy"]);
                Assert.Equal(EngineMessages.NotSetUpForCallingFeature, (string?)ById(card, "refusal")!["text"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Add_TypedOrFromTheRoster_PreviewsFirst_ThenCallDials()
    {
        var h = BotHarness.Create();
        IActivity? preview = null;
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.JoinComputer, meetingId = "1" })).AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.AddParticipant, meetingId = "1", addNumber = "+44 20 7946 0000" }))
            .AssertReply(a =>
            {
                preview = a;
                var card = Card(a);
                Assert.Contains("Add participant by phone", Texts(card));
                Assert.Equal("United Kingdom (GB), Zone A", CostFacts(card)["Country"]);
                Assert.Equal("the tenant's pooled minutes (120 min left this month)", CostFacts(card)["Paid by"]);
            })
            .Send("add +44 20 7946 0000")
            .AssertReply(a => Assert.Equal(CardActions.ConfirmAdd, (string?)SubmitTitled(Card(a), "Call")["data"]!["action"]))
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(T, "1"));

        var call = SubmitTitled(Card(preview!), "Call")["data"]!.ToObject<object>()!;
        await h.Flow()
            .Send(BotHarness.Submit(call))
            .AssertReply(a => Assert.Contains(Texts(Card(a)), t => t.Contains(RosterCard.PhoneMarker) && t.Contains("+44 20 7946 0000")))
            .StartTestAsync();
        var leg = Assert.Single(h.Engine.ListLegs(T, "1"));
        Assert.Equal((CallLegKind.AddedParticipant, "+442079460000"), (leg.Kind, leg.ToNumber));
    }

    [Fact]
    public async Task Add_WithoutBeingInTheMeeting_CardSaysSo()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("add 425 555 0111")
            .AssertReply(a => Assert.Equal(EngineMessages.For(EngineError.NotMeetingParticipant), (string?)ById(Card(a), "refusal")!["text"]))
            .StartTestAsync();
    }
}
