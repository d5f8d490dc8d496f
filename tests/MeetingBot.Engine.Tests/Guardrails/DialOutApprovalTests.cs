using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Guardrails;

/// <summary>
/// Beyond Teams: dial-outs outside Zone A or above a rate wait for the meeting organizer's approval (Approve / Deny,
/// with expiry), on the fake clock. Lee organizes (he has Communications Credits, so calls abroad can be paid); Adele dials.
/// </summary>
public class DialOutApprovalTests
{
    private const string T = EngineFixture.TenantId;
    private const string Egypt = "+20 2 2792 1234";

    private static (EngineFixture F, string MeetingId) LeesMeeting(bool outsideZoneA = true, decimal? aboveRate = null)
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 20m).Unwrap();
        f.Engine.SetGuardrails(T, "nestor", null, null, outsideZoneA, aboveRate, 10).Unwrap();
        return (f, f.Schedule("lee").Id);
    }

    [Fact]
    public void ByDefault_TheRuleIsOff_AndAbroadIsDialedAtOnce()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 20m).Unwrap();

        Assert.False(f.Engine.GetGuardrails(T).ApprovalsOn);
        Assert.True(f.Engine.CallMe(T, "adele", f.Schedule("lee").Id, Egypt).IsSuccess);
    }

    [Fact]
    public void OutsideZoneA_IsHeld_NothingIsDialed_AndTheOrganizerIsAsked()
    {
        var (f, meetingId) = LeesMeeting();

        var held = f.Engine.CallMe(T, "adele", meetingId, Egypt);

        Assert.Equal(EngineError.AwaitingOrganizerApproval, held.Error);
        Assert.Empty(f.Engine.ListLegs(T, meetingId));
        var asked = Assert.Single(f.Events.Of<DialOutApprovalRequested>()).Approval;
        Assert.Equal(("adele", "lee", "+20227921234", "EG", ApprovalReason.OutsideZoneA, 0.24m), (asked.RequesterId, asked.OrganizerId, asked.Number, asked.RegionCode, asked.Reason, asked.RatePerMinute));
        Assert.Equal(EngineFixture.Start.AddMinutes(10), asked.ExpiresAt);
        Assert.Equal(asked, Assert.Single(f.Engine.ListApprovals(T, "lee").Unwrap()));
        Assert.Equal(asked, Assert.Single(f.Engine.ListApprovals(T, "adele").Unwrap()));
        Assert.Empty(f.Engine.ListApprovals(T, "megan").Unwrap());
        Assert.Contains(f.Engine.GetAuditLog(T, "nestor").Unwrap(), e => e is { Action: "dialout.approval.request", ActorId: "adele" } && e.Target.StartsWith(asked.Id));
    }

    [Fact]
    public void Approve_PlacesTheCall_AndTellsTheRequester()
    {
        var (f, meetingId) = LeesMeeting();
        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        var id = f.Events.Of<DialOutApprovalRequested>().Single().Approval.Id;
        f.Clock.Advance(TimeSpan.FromMinutes(2));

        var approved = f.Engine.ApproveDialOut(T, "lee", id).Unwrap();

        var leg = Assert.Single(f.Engine.ListLegs(T, meetingId));
        Assert.Equal((ApprovalStatus.Approved, leg.Id, null), (approved.Status, approved.LegId, approved.CallRefusal));
        Assert.Equal((CallLegState.Connected, "adele", 0.24m), (leg.State, leg.RequestedByUserId, leg.ChargeSoFar));
        var told = Assert.Single(f.Events.Of<DialOutApprovalDecided>());
        Assert.Equal($"Lee Gu approved the call to {Phone.PhoneNumberNormalizer.Display("+20227921234")}: dialing now.", told.Message);
        Assert.Contains(f.Engine.GetAuditLog(T, "nestor").Unwrap(), e => e is { Action: "dialout.approval.approve", ActorId: "lee", Outcome: "ok" });
    }

    [Fact]
    public void Deny_DialsNothing_AndTellsTheRequester()
    {
        var (f, meetingId) = LeesMeeting();
        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        var id = f.Events.Of<DialOutApprovalRequested>().Single().Approval.Id;

        var denied = f.Engine.DenyDialOut(T, "lee", id).Unwrap();

        Assert.Equal((ApprovalStatus.Denied, "lee", (string?)null), (denied.Status, denied.DecidedBy, denied.LegId));
        Assert.Empty(f.Engine.ListLegs(T, meetingId));
        Assert.EndsWith("nothing was dialed.", Assert.Single(f.Events.Of<DialOutApprovalDecided>()).Message);
        Assert.Equal(EngineError.ApprovalNotPending, f.Engine.ApproveDialOut(T, "lee", id).Error);
    }

    [Fact]
    public void NoAnswerInTime_Expires_AndALateApprovalDialsNothing()
    {
        var (f, meetingId) = LeesMeeting();
        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        var id = f.Events.Of<DialOutApprovalRequested>().Single().Approval.Id;

        f.Run(TimeSpan.FromMinutes(10));

        var expired = Assert.Single(f.Events.Of<DialOutApprovalDecided>()).Approval;
        Assert.Equal((ApprovalStatus.Expired, EngineFixture.Start.AddMinutes(10), "system"), (expired.Status, expired.DecidedAt, expired.DecidedBy));
        Assert.Equal(EngineError.ApprovalExpired, f.Engine.ApproveDialOut(T, "lee", id).Error);
        Assert.Empty(f.Engine.ListLegs(T, meetingId));
        Assert.Contains(f.Engine.GetAuditLog(T, "nestor").Unwrap(), e => e is { Action: "dialout.approval.expire", ActorId: "system" });
    }

    [Fact]
    public void Decide_BySomeoneOtherThanTheOrganizer_IsRefusedAndAudited()
    {
        var (f, meetingId) = LeesMeeting();
        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        var id = f.Events.Of<DialOutApprovalRequested>().Single().Approval.Id;

        Assert.Equal(EngineError.NotMeetingOrganizer, f.Engine.ApproveDialOut(T, "adele", id).Error);
        Assert.Equal(EngineError.NotMeetingOrganizer, f.Engine.DenyDialOut(T, "nestor", id).Error);
        Assert.Equal(EngineError.UnknownApproval, f.Engine.ApproveDialOut(T, "lee", "apr-nope").Error);
        Assert.True(f.Engine.ListApprovals(T, "lee").Unwrap().Single().IsPending);
        Assert.Contains(f.Engine.GetAuditLog(T, "nestor").Unwrap(), e => e is { Action: "dialout.approval.approve", ActorId: "adele", Outcome: "NotMeetingOrganizer" });
    }

    [Fact]
    public void CostPreview_SaysTheCallWouldWaitForTheOrganizer_ButNotForTheOrganizerHimself()
    {
        var (f, meetingId) = LeesMeeting();

        var adeles = f.Engine.PreviewCost(T, "adele", meetingId, Egypt, CallLegKind.CallMe).Unwrap();
        var lees = f.Engine.PreviewCost(T, "lee", meetingId, Egypt, CallLegKind.CallMe).Unwrap();

        Assert.Equal((ApprovalReason.OutsideZoneA, true), (adeles.NeedsApproval, adeles.WouldDial));
        Assert.Null(lees.NeedsApproval);
        Assert.Empty(f.Events.Of<DialOutApprovalRequested>());
    }

    [Fact]
    public void TheOrganizerDialingAbroad_NeedsNoApproval()
    {
        var (f, meetingId) = LeesMeeting();

        Assert.True(f.Engine.CallMe(T, "lee", meetingId, Egypt).IsSuccess);
        Assert.Empty(f.Events.Of<DialOutApprovalRequested>());
    }

    [Fact]
    public void RateRule_HoldsOnlyNumbersPricedAboveIt()
    {
        var (f, meetingId) = LeesMeeting(outsideZoneA: false, aboveRate: 0.10m);

        Assert.Equal(EngineError.AwaitingOrganizerApproval, f.Engine.CallMe(T, "adele", meetingId, Egypt).Error);
        Assert.Equal(ApprovalReason.AboveRate, f.Events.Of<DialOutApprovalRequested>().Single().Approval.Reason);
        Assert.True(f.Engine.CallMe(T, "megan", meetingId, "+44 20 7946 0000").IsSuccess); // 0.03 a minute
    }

    [Fact]
    public void AskingAgain_WhileItIsPending_MakesNoSecondRequest()
    {
        var (f, meetingId) = LeesMeeting();

        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        f.Engine.CallMe(T, "adele", meetingId, "+20227921234");

        Assert.Single(f.Events.Of<DialOutApprovalRequested>());
        Assert.Single(f.Engine.ListApprovals(T, "lee").Unwrap());
    }

    [Fact]
    public void Approve_AfterTheBudgetWasSpent_IsApprovedButTheCallIsRefused()
    {
        var (f, meetingId) = LeesMeeting();
        f.Engine.CallMe(T, "adele", meetingId, Egypt);
        var id = f.Events.Of<DialOutApprovalRequested>().Single().Approval.Id;
        f.Engine.SetUserBudget(T, "nestor", "adele", 0, null).Unwrap();

        var approved = f.Engine.ApproveDialOut(T, "lee", id).Unwrap();

        Assert.Equal((ApprovalStatus.Approved, EngineError.DialOutBudgetSpent, (string?)null), (approved.Status, approved.CallRefusal, approved.LegId));
        Assert.Contains("could not be placed: You have used your dial-out budget", Assert.Single(f.Events.Of<DialOutApprovalDecided>()).Message);
    }

    [Theory]
    [InlineData(-0.01, 10)]
    [InlineData(100.01, 10)]
    [InlineData(0.12345, 10)]
    [InlineData(0.10, 0)]
    [InlineData(0.10, 1441)]
    public void SetGuardrails_OutOfRange_IsRefused(double rate, int expiryMinutes)
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.InvalidGuardrails, f.Engine.SetGuardrails(T, "nestor", null, null, true, (decimal)rate, expiryMinutes).Error);
        Assert.Equal(EngineError.InvalidBudget, f.Engine.SetGuardrails(T, "nestor", -5, null, true, null, 10).Error);
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.SetGuardrails(T, "adele", null, null, true, null, 10).Error);
        Assert.False(f.Engine.GetGuardrails(T).ApprovalsOn);
    }
}
