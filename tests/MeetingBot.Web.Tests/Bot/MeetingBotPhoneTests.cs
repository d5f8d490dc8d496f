using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

public sealed class MeetingBotPhoneTests
{
    private const string TenDigits = "4055550100";

    [Fact]
    public async Task CallMe_TenDigitNumber_ConfirmCardShowsE164AndCallButtonDials()
    {
        var h = BotHarness.Create();
        IActivity? confirm = null;
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send($"call me at {TenDigits}")
            .AssertReply(a =>
            {
                confirm = a;
                var card = Card(a);
                Assert.Equal("+14055550100", (string?)ById(card, "e164")?["text"]);
                Assert.Equal("+14055550100", (string?)SubmitTitled(card, "Call")["data"]!["number"]);
                Assert.NotNull(SubmitTitled(card, "Cancel"));
            })
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(BotHarness.TenantId, "1"));

        var call = SubmitTitled(Card(confirm!), "Call")["data"]!.ToObject<object>()!;
        await h.Flow()
            .Send(BotHarness.Submit(call))
            .AssertReply(a =>
            {
                Assert.Contains("+14055550100", AllText(a));
                Assert.Contains(Texts(Card(a)), t => t.Contains(RosterCard.PhoneMarker));
            })
            .StartTestAsync();
        var leg = Assert.Single(h.Engine.ListLegs(BotHarness.TenantId, "1"));
        Assert.Equal("+14055550100", leg.ToNumber);
        Assert.Equal(CallLegState.Connected, leg.State);
    }

    [Fact]
    public async Task CallMe_Now_DialsWithoutConfirmation()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("Call me at (405) 555-0100 now")
            .AssertReply(a => Assert.Contains("connected", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.Equal("+14055550100", Assert.Single(h.Engine.ListLegs(BotHarness.TenantId, "1")).ToNumber);
        // A later cut-off of this call must still be said proactively.
        Assert.False(h.Ledger.ToldRecently(NoticeLedger.Unavailable("adele", "1")));
    }

    [Fact]
    public async Task CallMe_InAMeetingWhoseOrganizerHasDialOutDontAllow_ShowsExactTeamsMessage()
    {
        var h = BotHarness.Create();
        // Alex's "Don't allow" governs the meetings he organizes (the organizer's permission applies).
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "alex", "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await h.Flow()
            .Send("act as alex").AssertReply(_ => { })
            .Send($"join {meeting.Id}").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now")
            .AssertReply(EngineMessages.NotSetUpForCallingFeature)
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(BotHarness.TenantId, meeting.Id));
        Assert.True(h.Ledger.ToldRecently(NoticeLedger.Unavailable("alex", meeting.Id)));
    }

    [Fact]
    public async Task CallMe_WithoutMeeting_SaysToScheduleOrJoinFirst()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("call me at 405 555 0100")
            .AssertReply(MeetingBot.Web.Bot.Flows.MeetingFlow.NoCurrentMeeting)
            .StartTestAsync();
    }

    [Fact]
    public async Task CallMe_InvalidNumber_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 12")
            .AssertReply(EngineMessages.For(EngineError.InvalidPhoneNumber))
            .StartTestAsync();
    }

    [Fact]
    public async Task Add_InternationalNumber_RosterMarksPhoneParticipant()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.JoinComputer, meetingId = "1" })).AssertReply(_ => { })
            .Send("add +44 20 7946 0000 now") // without "now" the cost is shown first (CostPreviewBotTests)
            .AssertReply(a => Assert.Contains(Texts(Card(a)), t => t.Contains(RosterCard.PhoneMarker) && t.Contains("+44 20 7946 0000")))
            .StartTestAsync();
        var leg = Assert.Single(h.Engine.ListLegs(BotHarness.TenantId, "1"));
        Assert.Equal(CallLegKind.AddedParticipant, leg.Kind);
        Assert.Equal("+442079460000", leg.ToNumber);
    }

    [Fact]
    public async Task Leave_WithPhoneConnected_RemindsToHangUpBothEndsWithHangUpButton()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("leave")
            .AssertReply(a =>
            {
                Assert.Contains(EngineMessages.HangUpBothEnds, a.AsMessageActivity().Text);
                var card = Card(a);
                Assert.Equal(EngineMessages.HangUpBothEnds, (string?)ById(card, "message")?["text"]);
                var leg = h.Engine.ListLegs(BotHarness.TenantId, "1").Single();
                Assert.Equal(leg.Id, (string?)SubmitTitled(card, "Hang up my phone")["data"]!["legId"]);
            })
            .StartTestAsync();
        Assert.True(h.Engine.ListLegs(BotHarness.TenantId, "1").Single().IsLive);
        // The engine's own reminder event for this leave must not be said a second time proactively.
        Assert.True(h.Ledger.ToldRecently(NoticeLedger.Reminder("adele", "1")));
    }

    [Fact]
    public async Task HangUpButton_AfterLeaving_EndsThePhoneLeg()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("leave").AssertReply(_ => { })
            .StartTestAsync();
        var legId = h.Engine.ListLegs(BotHarness.TenantId, "1").Single().Id;
        h.Advance(TimeSpan.FromSeconds(150));
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.HangUp, meetingId = "1", legId }))
            .AssertReply(a => Assert.Contains("Hung up +1 405-555-0100 after 3 paid minute(s)", a.AsMessageActivity().Text))
            .Send(BotHarness.Submit(new { action = CardActions.HangUp, meetingId = "1", legId }))
            .AssertReply(EngineMessages.For(EngineError.CallLegEnded))
            .StartTestAsync();
        Assert.Equal(CallLegState.Ended, h.Engine.GetLeg(BotHarness.TenantId, legId).Unwrap().State);
    }

    [Fact]
    public async Task Leave_WithoutPhone_JustLeaves()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.JoinComputer, meetingId = "1" })).AssertReply(_ => { })
            .Send("leave meeting")
            .AssertReply("You left meeting 1.")
            .StartTestAsync();
    }

    [Fact]
    public async Task DialIn_ConferenceIdOfAdelesMeeting_CallerWaitsInLobbyWithBridgePrompts()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}#")
            .AssertReply(a =>
            {
                var card = Card(a);
                var transcript = Texts(ById(card, "transcript")!);
                Assert.Contains(transcript, t => t.Contains(DialInPrompts.EnterConferenceId));
                Assert.Contains(transcript, t => t.Contains(DialInPrompts.EnterPinOrPound));
                Assert.Contains(transcript, t => t.Contains(DialInPrompts.Lobby));
                Assert.Equal($"Waiting in the lobby of meeting {meeting.Id}.", (string?)ById(card, "outcome")?["text"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task DialIn_UnknownConferenceId_BridgeAsksAgain()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("dial in 111222333#")
            .AssertReply(a => Assert.Contains(Texts(ById(Card(a), "transcript")!), t => t.Contains(DialInPrompts.TryAgain)))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("dial in")]
    [InlineData("dial in the meeting")]
    public async Task DialIn_WithoutAConferenceId_SaysHowToDialIn(string typed)
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(typed)
            .AssertReply(Web.Bot.MeetingBot.DialInHowTo)
            .StartTestAsync();
    }

    [Fact]
    public async Task EndMeeting_OrganizerWithPhoneConnected_MeetingEndsButPhoneReminderShown()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("end meeting")
            .AssertReply(a =>
            {
                Assert.Contains("has ended for everyone", a.AsMessageActivity().Text);
                Assert.Equal(EngineMessages.HangUpBothEnds, (string?)ById(Card(a), "message")?["text"]);
            })
            .StartTestAsync();
        Assert.True(h.Engine.GetMeeting(BotHarness.TenantId, "1").Unwrap().IsEnded);
        Assert.True(h.Engine.ListLegs(BotHarness.TenantId, "1").Single().IsLive);
    }

    [Fact]
    public async Task PeopleAddedByPhone_TheAdderAndTheOrganizerCanHangThemUp_FromTheRosterOrByTyping()
    {
        var h = BotHarness.Create();
        const string t = BotHarness.TenantId;
        var m = h.Engine.ScheduleMeeting(t, "adele", "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        h.Engine.JoinMeeting(t, "megan", m.Id, MeetingBot.Engine.Meetings.AudioMode.ComputerAudio).Unwrap();
        h.Engine.JoinMeeting(t, "lee", m.Id, MeetingBot.Engine.Meetings.AudioMode.ComputerAudio).Unwrap();
        var first = h.Engine.AddParticipantByPhone(t, "megan", m.Id, "405 555 0111").Unwrap();
        var legs = h.Engine.ListLegs(t, m.Id).Select(MeetingBot.Engine.Snapshots.CallLegSnapshot.Of).ToList();
        var meeting = MeetingBot.Engine.Snapshots.MeetingSnapshot.Of(h.Engine.GetMeeting(t, m.Id).Unwrap());

        Assert.Equal(first.Id, (string?)SubmitTitled(RosterCard.Build(meeting, legs, "megan"), "Hang up +1 405-555-0111")["data"]!["legId"]);
        Assert.Equal(first.Id, (string?)SubmitTitled(RosterCard.Build(meeting, legs, "adele"), "Hang up +1 405-555-0111")["data"]!["legId"]);
        Assert.DoesNotContain("Hang up +1 405-555-0111", RosterCard.Build(meeting, legs, "lee").ToString());

        var second = h.Engine.AddParticipantByPhone(t, "megan", m.Id, "405 555 0112").Unwrap();
        var third = h.Engine.AddParticipantByPhone(t, "megan", m.Id, "405 555 0113").Unwrap();
        await h.Flow()
            .Send("act as megan").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.HangUp, meetingId = m.Id, legId = first.Id }))
            .AssertReply(a => Assert.StartsWith("📞 Hung up +1 405-555-0111", a.AsMessageActivity().Text))
            .Send("hang up") // two left: which one is hers to say
            .AssertReply(EngineMessages.For(EngineError.NoPhoneLeg) + " " + MeetingBot.Web.Bot.Flows.PhoneFlow.HangUpWhichOne)
            .StartTestAsync();
        h.Engine.HangUp(t, "adele", second.Id).Unwrap(); // the organizer may, too
        await h.Flow()
            .Send("hang up") // one left: that one
            .AssertReply(a => Assert.StartsWith("📞 Hung up +1 405-555-0113", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.All(h.Engine.ListLegs(t, m.Id), l => Assert.False(l.IsLive));
        Assert.Equal(third.Id, h.Engine.ListLegs(t, m.Id).OrderBy(l => l.EndedAt).Last().Id);
    }

    [Fact]
    public async Task CallMe_TypedOrPressedOnThePreJoinCard_ConfirmsTheNumberFirst_AndWithoutAudioConferencingSaysSoAtOnce()
    {
        var h = BotHarness.Create();
        const string t = BotHarness.TenantId;
        var adeles = h.Engine.ScheduleMeeting(t, "adele", "With dial-in", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        var megans = h.Engine.ScheduleMeeting(t, "megan", "Without", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();

        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.PhoneAudio, meetingId = adeles.Id, phoneNumber = "405 555 0100" }))
            .AssertReply(a => Assert.Equal("+14055550100", (string?)SubmitTitled(Card(a), "Call")["data"]!["number"]))
            .Send($"join {megans.Id}").AssertReply(_ => { })
            .Send("call me at 405 555 0100")
            .AssertReply(EngineMessages.OrganizerHasNoDialIn)
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(t, adeles.Id));

        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.ConfirmCall, meetingId = adeles.Id, number = "+14055550100" }))
            .AssertReply(a => Assert.Contains("Calling you", a.AsMessageActivity().Text ?? Card(a).ToString()))
            .StartTestAsync();
        Assert.Single(h.Engine.ListLegs(t, adeles.Id));
    }
}
