using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Licensing;

/// <summary>
/// A month's pool is what it was in that month: assignments are kept with their dates, the report's past months are
/// never recomputed from today's licenses, and metering and the report share one rule (the most licenses assigned at
/// one time in the month; see docs/architecture.md, "Pool size").
/// </summary>
public class PoolHistoryTests
{
    private const string T = EngineFixture.TenantId;

    private static Dictionary<DateOnly, (int Available, int Used)> Pools(EngineFixture f, int months, Capability capability = Capability.MCOMEETADD) =>
        f.Engine.GetMinutePoolsReport(T, "nestor", months).Unwrap()
            .Where(r => r.Capability == capability)
            .ToDictionary(r => r.Month, r => (r.MinutesAvailable, r.MinutesUsed));

    private static void MoveTo(EngineFixture f, DateTimeOffset instant)
    {
        f.Clock.SetUtcNow(instant);
        f.Engine.Tick();
    }

    [Fact]
    public void PastMonths_KeepTheirPoolSize_WhenLicensesChangeLater()
    {
        var f = new EngineFixture(); // March 2026: adele and lee hold monthly Audio Conferencing → 120 minutes
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromHours(3)); // March runs dry: cut off at 120
        Assert.Equal(CallLegState.CutOff, leg.State);

        MoveTo(f, new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
        f.Engine.AssignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        MoveTo(f, new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero));
        f.Engine.UnassignLicense(T, "nestor", "lee", LicenseSku.AudioConferencingMonthly).Unwrap();
        MoveTo(f, new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.Zero));

        var pools = Pools(f, months: 4);

        Assert.Equal((0, 0), pools[new DateOnly(2026, 2, 1)]);     // before the tenant existed
        Assert.Equal((120, 120), pools[new DateOnly(2026, 3, 1)]); // ran dry, and stays so
        Assert.Equal((180, 0), pools[new DateOnly(2026, 4, 1)]);   // alex's license from the 15th counts for April
        Assert.Equal((180, 0), pools[new DateOnly(2026, 5, 1)]);   // lee held it on May 1st: May's minutes were granted
        Assert.Equal((120, 0), pools[new DateOnly(2026, 6, 1)]);   // adele and alex
    }

    [Fact]
    public void RemovingACallingPlan_LeavesItsPastMonths()
    {
        var f = new EngineFixture(seed =>
        {
            seed.Subscriptions.Add(new() { Sku = "CallingPlanDomestic", Seats = 2 });
            seed.Users.Single(u => u.Id == "megan").Licenses.Add("CallingPlanDomestic");
        });
        Assert.Equal(3000, Pools(f, 0, Capability.MCOPSTN1)[new DateOnly(2026, 3, 1)].Available);

        MoveTo(f, new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
        f.Engine.UnassignLicense(T, "nestor", "megan", LicenseSku.CallingPlanDomestic).Unwrap();
        MoveTo(f, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        var pools = Pools(f, 2, Capability.MCOPSTN1);

        Assert.Equal(3000, pools[new DateOnly(2026, 3, 1)].Available);
        Assert.Equal(3000, pools[new DateOnly(2026, 4, 1)].Available);
        Assert.Equal(0, pools[new DateOnly(2026, 5, 1)].Available);
    }

    [Fact]
    public void MovingALicenseBetweenUsers_MidMonth_NeitherShrinksThePool_NorCutsOffALiveCall()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var first = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(100) + TimeSpan.FromSeconds(30));
        f.Engine.HangUp(T, "adele", first.Id).Unwrap(); // 101 of 120 used

        var second = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(5));
        f.Engine.UnassignLicense(T, "nestor", "lee", LicenseSku.AudioConferencingMonthly).Unwrap();
        f.Engine.AssignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        f.Jump(TimeSpan.FromMinutes(10));

        Assert.Equal(CallLegState.Connected, second.State);
        Assert.Equal(120, Pools(f, 0)[new DateOnly(2026, 3, 1)].Available);
    }

    [Fact]
    public void ALicenseAssignedMidMonth_AddsItsMinutesAtOnce_ForMeteringAndTheReportAlike()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var first = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromHours(3));
        Assert.Equal(CallLegState.CutOff, first.State);

        f.Engine.AssignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        f.Clock.Advance(TimeSpan.FromHours(1));
        f.Engine.UnassignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        var second = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromHours(2));

        Assert.Equal(CallLegState.CutOff, second.State);
        Assert.Equal(second.ConnectedAt!.Value.AddMinutes(60), second.EndedAt);
        Assert.Equal((180, 180), Pools(f, 0)[new DateOnly(2026, 3, 1)]);
    }

    [Fact]
    public void APayPerMinuteOrganizer_NeverTouchesThePool_InAnyMonth()
    {
        var f = new EngineFixture(seed => seed.Credits.InitialFunds = 50m);
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingPayPerMinute).Unwrap();
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.CommunicationsCredits).Unwrap();
        var m = f.Schedule("megan");
        var leg = f.Engine.CallMe(T, "megan", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(30));
        f.Engine.HangUp(T, "megan", leg.Id).Unwrap();

        Assert.Equal((120, 0), Pools(f, 0)[new DateOnly(2026, 3, 1)]);
        Assert.All(f.Engine.AllUsage(T), r => Assert.Equal(Capability.MCOPSTNPP, r.Capability));
    }

    [Fact]
    public void ASeedWithAnAssignmentDate_CountsItsLicensesFromThere_ButNeverFromTheFuture()
    {
        var brought = new EngineFixture(seed => seed.LicensesAssignedSince = new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero));
        var future = new EngineFixture(seed => seed.LicensesAssignedSince = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var pools = Pools(brought, 3);

        Assert.Equal((0, 120, 120, 120), (pools[new DateOnly(2025, 12, 1)].Available, pools[new DateOnly(2026, 1, 1)].Available,
            pools[new DateOnly(2026, 2, 1)].Available, pools[new DateOnly(2026, 3, 1)].Available));
        Assert.Equal((0, 120), (Pools(future, 1)[new DateOnly(2026, 2, 1)].Available, Pools(future, 1)[new DateOnly(2026, 3, 1)].Available));
        Assert.Equal(EngineFixture.Start, future.Engine.GetUser(T, "adele").Unwrap().LicenseHistory[0].From);
    }
}
