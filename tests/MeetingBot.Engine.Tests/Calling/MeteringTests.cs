using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

public class MeteringTests
{
    private const string T = EngineFixture.TenantId;

    private static int PoolUsed(EngineFixture f) =>
        f.Engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesUsed;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(299, 5)]
    public void HangUp_AfterSeconds_PaysStartedMinutes(int seconds, int minutes)
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        f.Run(TimeSpan.FromSeconds(seconds));
        f.Engine.HangUp(T, "adele", leg.Id).Unwrap();

        Assert.Equal(minutes, PoolUsed(f));
        var record = Assert.Single(f.Engine.AllUsage(T));
        Assert.Equal(seconds, record.DurationSeconds);
        Assert.Equal("conf_out", record.CallType);
        Assert.Equal(0m, record.Charge);
        Assert.Equal(Capability.MCOMEETADD, record.Capability);
    }

    [Fact]
    public void PoolExhaustedMidCall_NoCredits_CutsOffAtTheMinuteMark_AndLaterDialOutsFail()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var first = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(100) + TimeSpan.FromSeconds(30));
        f.Engine.HangUp(T, "adele", first.Id).Unwrap();
        Assert.Equal(101, PoolUsed(f));

        var second = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(45)); // only 19 minutes are left

        Assert.Equal(CallLegState.CutOff, second.State);
        Assert.Equal(second.ConnectedAt!.Value.AddMinutes(19), second.EndedAt);
        Assert.Equal(120, PoolUsed(f));
        Assert.Equal(19 * 60, f.Engine.AllUsage(T).Single(r => r.CallId == second.Id).DurationSeconds);
        Assert.Contains(f.Events.Of<CallingFeatureUnavailable>(), e => e.UserId == "adele" && e.Message == EngineMessages.NotSetUpForCallingFeature);
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, f.Engine.CallMe(T, "adele", m.Id, "4055550100").Message);
    }

    [Fact]
    public void PoolExhaustedMidCall_WithCredits_ContinuesOnCredits_AndSplitsTheUsageRecord()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var m = f.Schedule("lee");
        var leg = f.Engine.CallMe(T, "lee", m.Id, "4055550100").Unwrap();

        f.Jump(TimeSpan.FromMinutes(125));
        f.Engine.HangUp(T, "lee", leg.Id).Unwrap();

        var records = f.Engine.AllUsage(T).Where(r => r.CallId == leg.Id).OrderBy(r => r.Start).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal((Capability.MCOMEETADD, 120 * 60, 0m), (records[0].Capability, records[0].DurationSeconds, records[0].Charge));
        Assert.Equal((Capability.MCOPSTNPP, 5 * 60, 0.10m), (records[1].Capability, records[1].DurationSeconds, records[1].Charge));
        Assert.Equal(4.90m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void OnARunningClock_UsageRecordsAreWholeMinutesAtFundingBoundaries()
    {
        // The demo clock and the real one move between two reads: a connect and its first minute must share one.
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var m = f.Schedule("lee");
        f.Clock.AutoAdvanceAmount = TimeSpan.FromTicks(7);
        var leg = f.Engine.CallMe(T, "lee", m.Id, "4055550100").Unwrap();

        f.Jump(TimeSpan.FromMinutes(125));
        f.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        f.Engine.HangUp(T, "lee", leg.Id).Unwrap();

        var records = f.Engine.AllUsage(T).Where(r => r.CallId == leg.Id).OrderBy(r => r.Start).ToList();
        Assert.Equal(leg.ConnectedAt, records[0].Start);
        Assert.Equal(120 * 60, records[0].DurationSeconds);
        Assert.Equal((int)(leg.EndedAt!.Value - leg.ConnectedAt!.Value).TotalSeconds, records.Sum(r => r.DurationSeconds));
    }

    [Fact]
    public void PayPerMinuteOrganizer_IsChargedPerMinuteFromCredits_AndNeverDrawsOnThePool()
    {
        var f = new EngineFixture();
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingPayPerMinute).Unwrap();
        var m = f.Schedule("megan");
        Assert.Equal(EngineError.CallingFeatureNotSetUp, f.Engine.CallMe(T, "megan", m.Id, "4055550100").Error); // no credits license yet

        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.CommunicationsCredits).Unwrap();
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        var leg = f.Engine.CallMe(T, "megan", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(30));
        f.Engine.HangUp(T, "megan", leg.Id).Unwrap();

        Assert.Equal(0, PoolUsed(f));
        var record = Assert.Single(f.Engine.AllUsage(T), r => r.CallId == leg.Id);
        Assert.Equal((Capability.MCOPSTNPP, 0.06m), (record.Capability, record.Charge)); // 3 minutes at the US rate 0.02
        Assert.Equal(0.94m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void CreditsRunOut_NoAutoRecharge_CutsOff_BalanceNeverNegative()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        var m = f.Schedule("lee");
        var leg = f.Engine.CallMe(T, "lee", m.Id, "+44 20 7946 0000").Unwrap(); // 0.03/min on credits after the pool
        f.Jump(TimeSpan.FromMinutes(120));

        f.Jump(TimeSpan.FromMinutes(60));

        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal(120 + 33, leg.MinutesPaid); // 1.00 / 0.03 = 33 whole minutes
        Assert.Equal(0.01m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void AutoRecharge_BelowThreshold_BuysMore_AndCallContinues()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        f.Engine.SetAutoRecharge(T, "nestor", true, 0.50m, 10m).Unwrap();
        var m = f.Schedule("lee");
        var leg = f.Engine.CallMe(T, "lee", m.Id, "+20 2 27921234").Unwrap(); // Default 0.24/min, never pooled

        f.Jump(TimeSpan.FromMinutes(10));

        Assert.Equal(CallLegState.Connected, leg.State);
        Assert.Equal(10, leg.MinutesPaid); // minute 11 begins only after 10:00 has passed
        var balance = f.Engine.GetCreditBalance(T).Value;
        Assert.Equal(1m + 10m - 10 * 0.24m, balance);
    }

    [Fact]
    public void AutoRecharge_PaymentDeclined_CutsOffWhenFundsEnd()
    {
        var payments = new Moq.Mock<MeetingBot.Engine.Billing.IPaymentGateway>();
        payments.Setup(p => p.TryCharge(T, 1m, "USD", Moq.It.IsAny<string>())).Returns(true);
        payments.Setup(p => p.TryCharge(T, 10m, "USD", Moq.It.IsAny<string>())).Returns(false);
        var f = new EngineFixture(payments: payments.Object);
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        f.Engine.SetAutoRecharge(T, "nestor", true, 0.50m, 10m).Unwrap();
        var leg = f.Engine.CallMe(T, "lee", f.Schedule("lee").Id, "+20 2 27921234").Unwrap();

        f.Jump(TimeSpan.FromMinutes(10));

        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal(4, leg.MinutesPaid);
        payments.Verify(p => p.TryCharge(T, 10m, "USD", Moq.It.IsAny<string>()), Moq.Times.AtLeastOnce());
    }

    [Fact]
    public void Pool_ResetsAtUtcMonthStart()
    {
        var f = new EngineFixture();
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero));
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(119));
        f.Jump(TimeSpan.FromMinutes(30)); // crosses 00:00 UTC on April 1st

        Assert.Equal(CallLegState.Connected, leg.State);
        var report = f.Engine.GetMinutePoolsReport(T, "nestor", monthsOfHistory: 1).Value!.Where(r => r.Capability == Capability.MCOMEETADD).ToList();
        Assert.Equal(29, report.Single(r => r.Month == new DateOnly(2026, 4, 1)).MinutesUsed); // minutes starting 00:00..00:28
        Assert.Equal(120, report.Single(r => r.Month == new DateOnly(2026, 3, 1)).MinutesUsed);
    }

    [Fact]
    public void PoolWarnings_AreRaisedOncePerThreshold()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        f.Jump(TimeSpan.FromMinutes(100));

        Assert.Equal([50, 80], f.Events.Of<PoolLow>().Select(e => e.ThresholdPercent).ToArray());
    }

    [Fact]
    public void ConcurrentDialOuts_OnOnePool_NeverOverdraw()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.JoinMeeting(T, "adele", m.Id, MeetingBot.Engine.Meetings.AudioMode.ComputerAudio).Unwrap();
        var legs = new System.Collections.Concurrent.ConcurrentBag<CallLeg>();

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var r = f.Engine.AddParticipantByPhone(T, "adele", m.Id, $"+1405555{i:D4}");
            if (r.IsSuccess) legs.Add(r.Value!);
        });
        Parallel.For(0, 8, _ => f.Engine.Tick());
        f.Jump(TimeSpan.FromMinutes(5));

        Assert.Equal(120, PoolUsed(f));
        Assert.Equal(120, legs.Sum(l => l.MinutesPaid));
        Assert.Equal(120, f.Engine.AllUsage(T).Where(r => r.Capability == Capability.MCOMEETADD).Count());
    }
}
