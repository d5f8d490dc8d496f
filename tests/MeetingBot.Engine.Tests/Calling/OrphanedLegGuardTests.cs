using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

/// <summary>Beyond Teams: the tenant's orphaned-leg policy (Off, Ask, End after N minutes), on the fake clock.</summary>
public class OrphanedLegGuardTests
{
    private const string T = EngineFixture.TenantId;

    private static (EngineFixture F, CallLeg Leg) LeftWithPhoneUp(string? policy = null, int? endAfter = null, Action<EngineOptions>? options = null)
    {
        var f = new EngineFixture(seed => { seed.OrphanedLegPolicy = policy; seed.OrphanedLegEndAfterMinutes = endAfter; }, options);
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Run(TimeSpan.FromSeconds(30));
        f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();
        return (f, leg);
    }

    [Fact]
    public void Seed_WithoutAPolicy_IsOff_AndTheLegStaysUpWithReminders()
    {
        var (f, leg) = LeftWithPhoneUp();
        f.Run(TimeSpan.FromMinutes(10));

        Assert.Equal(OrphanedLegPolicy.Off, f.Engine.GetOrphanedLegPolicy(T));
        Assert.Equal(CallLegState.Connected, leg.State);
        Assert.Empty(leg.Prompts);
        Assert.Empty(f.Events.Of<OrphanedLegEnded>());
        Assert.True(f.Events.Of<HangUpReminder>().Count >= 10);
    }

    [Fact]
    public void Off_WithTheHostWideOption_StillEndsTheLegAsBefore()
    {
        var (f, leg) = LeftWithPhoneUp(options: o => o.EndOrphanedLegsAfter = TimeSpan.FromMinutes(2));
        f.Run(TimeSpan.FromMinutes(2));

        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal(OrphanedLegEndReason.EndedAfterPolicyTime, Assert.Single(f.Events.Of<OrphanedLegEnded>()).Reason);
    }

    [Fact]
    public void Ask_WhenTheUserLeaves_ThePhoneHearsThePrompt()
    {
        var (f, leg) = LeftWithPhoneUp("Ask");

        Assert.Equal([EngineMessages.StayOnThePhonePrompt], leg.Prompts.Select(p => p.Text));
        Assert.Equal("You left the meeting in the app. Press 1 to stay on the phone.", EngineMessages.StayOnThePhonePrompt);
        Assert.Equal(f.Clock.GetUtcNow(), leg.StayAskedAt);
    }

    [Fact]
    public void Ask_Pressing1_KeepsTheCall_AndRemindersGoOn()
    {
        var (f, leg) = LeftWithPhoneUp("Ask");
        f.Run(TimeSpan.FromSeconds(20));
        f.Engine.PressKeys(T, "adele", leg.Id, "1").Unwrap();
        var reminders = f.Events.Of<HangUpReminder>().Count;

        f.Run(TimeSpan.FromMinutes(5));

        Assert.Equal(CallLegState.Connected, leg.State);
        Assert.Null(leg.StayAskedAt);
        Assert.Equal(EngineMessages.StayingOnThePhone, leg.Prompts[^1].Text);
        Assert.Empty(f.Events.Of<OrphanedLegEnded>());
        Assert.True(f.Events.Of<HangUpReminder>().Count >= reminders + 5);
    }

    [Fact]
    public void Ask_SilenceFor60Seconds_HangsUpAtThatInstant_PaidMinutesStayPaid_AndRaisesTheEvent()
    {
        var (f, leg) = LeftWithPhoneUp("Ask");
        var asked = leg.StayAskedAt!.Value;

        f.Run(TimeSpan.FromSeconds(59));
        Assert.Equal(CallLegState.Connected, leg.State);
        f.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal(asked + TimeSpan.FromSeconds(60), leg.EndedAt);
        var ended = Assert.Single(f.Events.Of<OrphanedLegEnded>());
        Assert.Equal(("adele", leg.Id, OrphanedLegEndReason.NoAnswerToStayPrompt), (ended.UserId, ended.LegId, ended.Reason));
        Assert.Equal(2, leg.MinutesPaid); // 30 s before leaving + 60 s: two begun minutes, both paid
        Assert.Equal(90, f.Engine.AllUsage(T).Single().DurationSeconds);
    }

    [Fact]
    public void Ask_AfterAJumpOfTheClock_EndsAtTheDueInstant_NotAtTheTick()
    {
        var (f, leg) = LeftWithPhoneUp("Ask");
        var asked = leg.StayAskedAt!.Value;

        f.Jump(TimeSpan.FromMinutes(30));

        Assert.Equal(asked + TimeSpan.FromSeconds(60), Assert.Single(f.Events.Of<OrphanedLegEnded>()).At);
        Assert.Equal(2, leg.MinutesPaid);
    }

    [Fact]
    public void Ask_OtherKeysThan1_DoNotKeepTheCall()
    {
        var (f, leg) = LeftWithPhoneUp("Ask");
        f.Engine.PressKeys(T, "adele", leg.Id, "2#*6").Unwrap();

        f.Run(TimeSpan.FromSeconds(60));

        Assert.Equal(CallLegState.Ended, leg.State);
    }

    [Fact]
    public void End_AfterTheTenantsMinutes_EndsTheLeg_OverridingTheHostWideOption()
    {
        var (f, leg) = LeftWithPhoneUp("End", 3, o => o.EndOrphanedLegsAfter = TimeSpan.FromMinutes(1));
        f.Run(TimeSpan.FromMinutes(2));
        Assert.Equal(CallLegState.Connected, leg.State);

        f.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal(OrphanedLegEndReason.EndedAfterPolicyTime, Assert.Single(f.Events.Of<OrphanedLegEnded>()).Reason);
        Assert.Empty(leg.Prompts);
    }

    [Fact]
    public void SetPolicy_ByAnAdmin_AppliesToLegsAlreadyOrphaned_AndIsAudited()
    {
        var (f, leg) = LeftWithPhoneUp();

        var policy = f.Engine.SetOrphanedLegPolicy(T, "nestor", OrphanedLegAction.End, 5).Unwrap();
        f.Run(TimeSpan.FromMinutes(5));

        Assert.Equal(new OrphanedLegPolicy(OrphanedLegAction.End, 5), policy);
        Assert.Equal(CallLegState.Ended, leg.State);
        var audit = f.Engine.GetAuditLog(T, "nestor").Unwrap().Last(a => a.Action == "orphan.policy");
        Assert.Equal(("End 5", "ok"), (audit.Target, audit.Outcome));
    }

    [Theory]
    [InlineData(OrphanedLegAction.End, null)]
    [InlineData(OrphanedLegAction.End, 0)]
    [InlineData(OrphanedLegAction.End, 1441)]
    [InlineData(OrphanedLegAction.Ask, 5)]
    [InlineData((OrphanedLegAction)7, null)]
    public void SetPolicy_Invalid_IsRefused_AndThePolicyStays(OrphanedLegAction action, int? minutes)
    {
        var f = new EngineFixture(seed => seed.OrphanedLegPolicy = "Ask");

        Assert.Equal(EngineError.InvalidOrphanedLegPolicy, f.Engine.SetOrphanedLegPolicy(T, "nestor", action, minutes).Error);
        Assert.Equal(OrphanedLegAction.Ask, f.Engine.GetOrphanedLegPolicy(T).Action);
    }

    [Fact]
    public void SetPolicy_ByANonAdmin_IsRefused()
    {
        var f = new EngineFixture();
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.SetOrphanedLegPolicy(T, "adele", OrphanedLegAction.Ask, null).Error);
    }

    [Fact]
    public void Seed_WithABadPolicy_FailsTheStart()
    {
        Assert.Throws<ArgumentException>(() => new EngineFixture(seed => seed.OrphanedLegPolicy = "Sometimes"));
        Assert.Throws<ArgumentException>(() => new EngineFixture(seed => seed.OrphanedLegPolicy = "End"));
    }
}
