using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

public class OrphanedPhoneLegTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void LeaveMeeting_WithCallMeLeg_KeepsLegConnectedAndMetering_AndReminds()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Run(TimeSpan.FromSeconds(60));

        var stillUp = f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();
        f.Jump(TimeSpan.FromMinutes(4));

        Assert.Equal(leg.Id, Assert.Single(stillUp).Id);
        Assert.Equal(CallLegState.Connected, leg.State);
        Assert.Equal(5, leg.MinutesPaid);
        var reminder = f.Events.Of<HangUpReminder>().First();
        Assert.Equal(("adele", leg.Id, EngineMessages.HangUpBothEnds), (reminder.UserId, reminder.LegId, reminder.Message));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PhoneEnds_WhileTheUserStaysInTheClient_TheyNoLongerShowPhoneAudio(bool hungUpOnThePhone)
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Run(TimeSpan.FromSeconds(30));
        Assert.Equal(AudioMode.PhoneAudio, f.Engine.GetMeeting(T, m.Id).Unwrap().Participants.Single(p => p.UserId == "adele").AudioMode);

        if (hungUpOnThePhone) f.Engine.PhoneHangsUp(leg.Id).Unwrap();
        else f.Engine.HangUp(T, "adele", leg.Id).Unwrap();

        var adele = f.Engine.GetMeeting(T, m.Id).Unwrap().Participants.Single(p => p.UserId == "adele");
        Assert.True(adele.InClient);
        Assert.Null(adele.PhoneLegId);
        Assert.Equal(AudioMode.NoAudio, adele.AudioMode);
    }

    [Fact]
    public void HangUpReminder_RepeatsAtTheInterval_UntilTheLegEnds()
    {
        var f = new EngineFixture(options: o => o.HangUpReminderInterval = TimeSpan.FromMinutes(1));
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();

        f.Run(TimeSpan.FromMinutes(3));
        f.Engine.PhoneHangsUp(leg.Id).Unwrap();
        f.Run(TimeSpan.FromMinutes(3));

        Assert.Equal(4, f.Events.Of<HangUpReminder>().Count); // at leave, then +1, +2, +3 minutes
        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal(180, f.Engine.AllUsage(T).Single().DurationSeconds);
    }

    [Fact]
    public void EndMeeting_KeepsCallMeLeg_ButEndsLegsAddedFromTheRoster()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var callMe = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        var added = f.Engine.AddParticipantByPhone(T, "adele", m.Id, "4055550199").Unwrap();

        f.Engine.EndMeeting(T, "adele", m.Id).Unwrap();
        f.Jump(TimeSpan.FromMinutes(5));

        Assert.Equal(CallLegState.Ended, added.State);
        Assert.Equal(CallLegState.Connected, callMe.State);
        Assert.Equal(5, callMe.MinutesPaid); // still billed after the meeting ended
        var ended = Assert.Single(f.Events.Of<MeetingEnded>());
        Assert.Equal(1, ended.PhoneLegsStillConnected);
        Assert.Contains(f.Events.Of<HangUpReminder>(), r => r.LegId == callMe.Id);
    }

    [Fact]
    public void OrphanPolicy_EndsLegAfterConfiguredTime_AndTellsTheUser()
    {
        var f = new EngineFixture(options: o => o.EndOrphanedLegsAfter = TimeSpan.FromMinutes(2));
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();

        f.Run(TimeSpan.FromMinutes(2));

        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal("adele", Assert.Single(f.Events.Of<OrphanedLegEnded>()).UserId);
        Assert.Equal(120, f.Engine.AllUsage(T).Single().DurationSeconds);
    }

    [Fact]
    public void OrphanPolicyAndReminders_AfterAJumpOfTheClock_HappenAtTheirOwnInstants_AndPayWhatRunningWouldHavePaid()
    {
        var run = new EngineFixture(options: o => o.EndOrphanedLegsAfter = TimeSpan.FromMinutes(2));
        var jump = new EngineFixture(options: o => o.EndOrphanedLegsAfter = TimeSpan.FromMinutes(2));
        foreach (var f in new[] { run, jump })
        {
            var m = f.Schedule();
            f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
            f.Run(TimeSpan.FromSeconds(30));
            f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();
        }
        var left = jump.Clock.GetUtcNow();

        run.Run(TimeSpan.FromMinutes(10));
        jump.Jump(TimeSpan.FromMinutes(10)); // "fast forward 10": one move of the clock

        Assert.Equal(3, Assert.Single(jump.Engine.AllUsage(T).Select(u => u.CallId).Distinct().Select(id => jump.Engine.GetLeg(T, id).Value!)).MinutesPaid);
        Assert.Equal(left + TimeSpan.FromMinutes(2), Assert.Single(jump.Events.Of<OrphanedLegEnded>()).At);
        Assert.Equal([left, left + TimeSpan.FromMinutes(1)], jump.Events.Of<HangUpReminder>().Select(r => r.At).ToList());
        Assert.Equal(Summary(run), Summary(jump));

        static string Summary(EngineFixture f) => string.Join("; ", f.Engine.AllUsage(T)
            .Select(u => $"{u.Start:HH:mm:ss}-{u.End:HH:mm:ss} {u.DurationSeconds}s {u.Charge}"));
    }

    [Fact]
    public void LeaveMeeting_WhileSomeoneTheyAddedIsOnThePhone_TellsThemOnceWithTheCost_AndTheCallGoesOn()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        var m = f.Schedule("lee");
        f.Engine.JoinMeeting(T, "lee", m.Id, AudioMode.ComputerAudio).Unwrap();
        var pooled = f.Engine.AddParticipantByPhone(T, "lee", m.Id, "+44 20 7946 0000").Unwrap();  // Zone A: the pool pays
        var credits = f.Engine.AddParticipantByPhone(T, "lee", m.Id, "+20 2 27921234").Unwrap();   // Egypt: credits pay
        f.Engine.HangUp(T, "lee", credits.Id).Unwrap();
        var egypt = f.Engine.AddParticipantByPhone(T, "lee", m.Id, "+20 2 27921235").Unwrap();
        f.Run(TimeSpan.FromSeconds(30));

        f.Engine.LeaveMeeting(T, "lee", m.Id).Unwrap();
        f.Run(TimeSpan.FromMinutes(3));

        var told = f.Events.Of<AddedPhoneStillConnected>().OrderBy(e => e.ToNumber).ToList();
        Assert.Equal([("+20227921235", egypt.Id, (decimal?)0.24m), ("+442079460000", pooled.Id, null)],
            told.Select(e => (e.ToNumber, e.LegId, e.RatePerMinute)).ToList());
        Assert.All(told, e => Assert.Equal(("lee", m.Id, "USD"), (e.UserId, e.MeetingId, e.Currency)));
        Assert.Equal(CallLegState.Connected, f.Engine.GetLeg(T, pooled.Id).Value!.State);
        Assert.Equal(4, f.Engine.GetLeg(T, pooled.Id).Value!.MinutesPaid);
    }

    [Fact]
    public void HangUp_NoPhoneOfTheirOwn_EndsTheOnePersonTheyAdded_ButNotOneOfSeveral()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.JoinMeeting(T, "adele", m.Id, AudioMode.ComputerAudio).Unwrap();
        var first = f.Engine.AddParticipantByPhone(T, "adele", m.Id, "405 555 0111").Unwrap();

        Assert.Equal(first.Id, f.Engine.HangUp(T, "adele").Unwrap().Id);
        f.Engine.AddParticipantByPhone(T, "adele", m.Id, "405 555 0112").Unwrap();
        f.Engine.AddParticipantByPhone(T, "adele", m.Id, "405 555 0113").Unwrap();

        Assert.Equal(EngineError.NoPhoneLeg, f.Engine.HangUp(T, "adele").Error);
        Assert.Equal(2, f.Engine.ListLegs(T, m.Id).Count(l => l.IsLive));
    }

    [Fact]
    public void HangUp_WithoutPhoneLeg_SaysSo_AndOtherUsersLegIsNotTheirs()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.ComputerAudio).Unwrap();

        Assert.Equal(EngineError.NoPhoneLeg, f.Engine.HangUp(T, "megan").Error);
        Assert.Equal(EngineError.NotMeetingParticipant, f.Engine.HangUp(T, "megan", leg.Id).Error);
        Assert.Equal(CallLegState.Connected, leg.State);
        f.Engine.HangUp(T, "adele").Unwrap();
        Assert.Equal(EngineError.CallLegEnded, f.Engine.HangUp(T, "adele", leg.Id).Error);
    }

    [Fact]
    public void Ringing_IsAnsweredAfterAutoAnswerDelay_AndUnansweredLegBillsNothing()
    {
        var f = new EngineFixture(options: o => o.AutoAnswerAfter = TimeSpan.FromSeconds(5));
        var m = f.Schedule();
        var answered = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Engine.JoinMeeting(T, "adele", m.Id, AudioMode.PhoneAudio).Unwrap();
        var hungUp = f.Engine.AddParticipantByPhone(T, "adele", m.Id, "4055550111").Unwrap();
        f.Run(TimeSpan.FromSeconds(2));
        f.Engine.PhoneHangsUp(hungUp.Id).Unwrap();

        f.Run(TimeSpan.FromSeconds(5));

        Assert.Equal(CallLegState.Connected, answered.State);
        Assert.Equal(0, hungUp.MinutesPaid);
        Assert.DoesNotContain(f.Engine.AllUsage(T), r => r.CallId == hungUp.Id);
    }
}
