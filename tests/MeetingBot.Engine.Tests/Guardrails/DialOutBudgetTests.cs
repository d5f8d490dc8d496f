using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Guardrails;

/// <summary>Beyond Teams: a monthly dial-out budget per user (minutes and money), on the fake clock.</summary>
public class DialOutBudgetTests
{
    private const string T = EngineFixture.TenantId;
    private const string Egypt = "+20 2 2792 1234";

    [Fact]
    public void CallMe_WithTheMinutesUsedUp_IsRefusedUpFront_WithTheBudgetWords()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 3, null).Unwrap();
        f.UsePooledMinutes(3);

        var refused = f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100");

        Assert.Equal(EngineError.DialOutBudgetSpent, refused.Error);
        Assert.Equal("You have used your dial-out budget for this month. Ask your IT administrator to raise it.", refused.Message);
        Assert.Equal("DialOutBudgetSpent", f.Engine.GetAuditLog(T, "nestor").Unwrap().First(e => e.Action == "dialout.callme").Outcome);
        var status = f.Engine.GetBudgets(T, "nestor").Unwrap().Single(b => b.UserId == "adele");
        Assert.Equal((3, 0, true), (status.MinutesUsed, status.MinutesLeft, status.IsSpent));
    }

    [Fact]
    public void LiveLeg_WhenTheBudgetRunsOut_IsCutOffAtTheMinuteBoundary_AndTheUserIsTold()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 2, null).Unwrap();
        var start = f.Clock.GetUtcNow();
        var leg = f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Unwrap();

        f.Jump(TimeSpan.FromMinutes(5));

        Assert.Equal((CallLegState.CutOff, 2, start.AddMinutes(2)), (leg.State, leg.MinutesPaid, leg.EndedAt));
        Assert.Equal(EngineError.DialOutBudgetSpent, leg.CutOffReason);
        var told = Assert.Single(f.Events.Of<CallingFeatureUnavailable>());
        Assert.Equal(("adele", EngineError.DialOutBudgetSpent), (told.UserId, told.Reason));
        Assert.Equal(118, f.Engine.GetMinutePoolsReport(T, "nestor").Unwrap().Single(r => r.Capability == MeetingBot.Engine.Licensing.Capability.MCOMEETADD && r.Month.Month == 3).MinutesLeft);
    }

    [Fact]
    public void MoneyLimit_CountsCreditCharges_NotPooledMinutes()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        f.Engine.SetUserBudget(T, "nestor", "lee", null, 0.48m).Unwrap();
        var m = f.Schedule("lee");

        var pooled = f.Engine.CallMe(T, "lee", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(30));
        f.Engine.HangUp(T, "lee", pooled.Id).Unwrap();
        var paid = f.Engine.CallMe(T, "lee", f.Schedule("lee", "Abroad").Id, Egypt).Unwrap();
        f.Jump(TimeSpan.FromMinutes(5));

        Assert.Equal((5, CallLegState.Ended), (pooled.MinutesPaid, pooled.State));
        Assert.Equal((CallLegState.CutOff, 2, 0.48m), (paid.State, paid.MinutesPaid, paid.ChargeSoFar));
        var status = f.Engine.GetBudgets(T, "nestor").Unwrap().Single(b => b.UserId == "lee");
        Assert.Equal((7, 0.48m, 0m), (status.MinutesUsed, status.MoneySpent, status.MoneyLeft));
    }

    [Fact]
    public void NextMonth_StartsAfresh()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 1, null).Unwrap();
        f.UsePooledMinutes(1);
        Assert.Equal(EngineError.DialOutBudgetSpent, f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Error);

        f.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 5, TimeSpan.Zero));

        Assert.True(f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").IsSuccess);
    }

    [Fact]
    public void TenantDefault_AppliesToUsersWithoutTheirOwn_AndAnOwnBudgetWins()
    {
        var f = new EngineFixture();
        f.Engine.SetGuardrails(T, "nestor", 1, null, false, null, 10).Unwrap();
        f.Engine.SetUserBudget(T, "nestor", "lee", 100, null).Unwrap();
        f.UsePooledMinutes(1, "adele");
        f.UsePooledMinutes(1, "lee");

        Assert.Equal(EngineError.DialOutBudgetSpent, f.Engine.CallMe(T, "adele", f.Schedule("adele").Id, "4055550100").Error);
        Assert.True(f.Engine.CallMe(T, "lee", f.Schedule("lee").Id, "4055550100").IsSuccess);

        var back = f.Engine.SetUserBudget(T, "nestor", "lee", null, null, useDefault: true).Unwrap();
        Assert.Equal((false, 1), (back.IsOverride, back.Budget.MinutesPerMonth));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(100_001, null)]
    [InlineData(null, -0.01)]
    [InlineData(null, 1.005)]
    [InlineData(null, 100_000.01)]
    public void SetUserBudget_OutOfRange_IsRefusedAndAudited(int? minutes, double? money)
    {
        var f = new EngineFixture();

        var refused = f.Engine.SetUserBudget(T, "nestor", "adele", minutes, (decimal?)money);

        Assert.Equal(EngineError.InvalidBudget, refused.Error);
        Assert.Equal(("guardrails.budget", "InvalidBudget"), f.Engine.GetAuditLog(T, "nestor").Unwrap().Select(e => (e.Action, e.Outcome)).First());
        Assert.True(f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").IsSuccess);
    }

    [Fact]
    public void SetUserBudget_UnknownUserOrNotAnAdmin_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.UnknownUser, f.Engine.SetUserBudget(T, "nestor", "nobody", 5, null).Error);
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.SetUserBudget(T, "adele", "adele", 500, null).Error);
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.GetBudgets(T, "adele").Error);
    }

    [Fact]
    public void ZeroMinutes_AllowsNoDialOutAtAll()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 0, null).Unwrap();

        Assert.Equal(EngineError.DialOutBudgetSpent, f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Error);
    }

    [Fact]
    public void CutOffWarning_ComesWhenTheBudgetLeavesFiveMinutes()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 6, null).Unwrap();
        var leg = f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Unwrap();

        f.Run(TimeSpan.FromSeconds(61)); // the second minute is paid: 4 left after it

        var warning = Assert.Single(f.Events.Of<CutOffWarning>());
        Assert.Equal((leg.Id, 5, 5), (warning.LegId, warning.ThresholdMinutes, warning.MinutesLeft));
        Assert.Equal("This call will end in about 5 minutes: your monthly dial-out budget is running out.", warning.Prompt);
    }

    [Fact]
    public void CostPreview_NamesTheSpentBudget()
    {
        var f = new EngineFixture();
        f.Engine.SetUserBudget(T, "nestor", "adele", 0, null).Unwrap();

        var preview = f.Engine.PreviewCost(T, "adele", f.Schedule().Id, "4055550100", CallLegKind.CallMe).Unwrap();

        Assert.Equal(EngineError.DialOutBudgetSpent, preview.Refusal);
    }
}
