using MeetingBot.Engine;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using BotUnderTest = MeetingBot.Web.Bot.MeetingBot;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Card submits that are forged, stale, incomplete or from someone else's meeting get a clear answer.</summary>
public sealed class MeetingBotSubmitTests
{
    [Fact]
    public async Task Submit_UnknownAction_SaysTheButtonIsUnknown()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = "deleteEverything" }))
            .AssertReply(BotUnderTest.UnknownSubmit)
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_NoAction_SaysTheButtonIsUnknown()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(BotHarness.Submit(new { meetingId = "1" }))
            .AssertReply(BotUnderTest.UnknownSubmit)
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_ValueNotAnObject_SaysTheButtonIsUnknown()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Value = "[1,2,3]" })
            .AssertReply(BotUnderTest.UnknownSubmit)
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_JoinWithoutMeetingId_SaysWhichFieldIsMissing()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.JoinComputer }))
            .AssertReply(a => Assert.Contains("did not say which meeting", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_ForgedMeetingId_ShowsUnknownMeeting()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.PhoneAudio, meetingId = "999", phoneNumber = "4055550100" }))
            .AssertReply(EngineMessages.For(EngineError.UnknownMeeting))
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_JoinAfterMeetingEnded_ShowsMeetingEnded()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        h.Engine.EndMeeting(BotHarness.TenantId, "adele", meeting.Id).Unwrap();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.JoinComputer, meetingId = meeting.Id }))
            .AssertReply(EngineMessages.For(EngineError.MeetingEnded))
            .Send(BotHarness.Submit(new { action = CardActions.ConfirmCall, meetingId = meeting.Id, number = "+14055550100" }))
            .AssertReply(EngineMessages.For(EngineError.MeetingEnded))
            .StartTestAsync();
    }

    [Fact]
    public async Task Submit_EndMeetingOfSomeoneElse_ShowsOnlyOrganizer()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "lee", "Lee's sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.EndMeeting, meetingId = meeting.Id }))
            .AssertReply(EngineMessages.For(EngineError.NotMeetingOrganizer))
            .Send(BotHarness.Submit(new { action = CardActions.Leave, meetingId = meeting.Id }))
            .AssertReply(EngineMessages.For(EngineError.NotMeetingParticipant))
            .StartTestAsync();
        Assert.False(h.Engine.GetMeeting(BotHarness.TenantId, meeting.Id).Unwrap().IsEnded);
    }

    [Fact]
    public async Task Submit_HangUpSomeoneElsesLeg_IsRefusedAndLegStaysUp()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "lee", "Lee's sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        var leg = h.Engine.CallMe(BotHarness.TenantId, "lee", meeting.Id, "4055550111").Unwrap();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.HangUp, meetingId = meeting.Id, legId = leg.Id }))
            .AssertReply(EngineMessages.For(EngineError.NotMeetingParticipant))
            .StartTestAsync();
        Assert.True(h.Engine.GetLeg(BotHarness.TenantId, leg.Id).Unwrap().IsLive);
    }

    [Fact]
    public async Task Submit_CancelCall_DialsNobody()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.CancelCall, meetingId = "1" }))
            .AssertReply("Cancelled: nobody was called.")
            .StartTestAsync();
        Assert.Empty(h.Engine.ListLegs(BotHarness.TenantId, "1"));
    }

    [Fact]
    public async Task Submit_AdminActionAsNonAdmin_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.AddFunds, fundsAmount = "25" }))
            .AssertReply(EngineMessages.For(EngineError.NotTenantAdmin))
            .StartTestAsync();
        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Unwrap());
    }
}
