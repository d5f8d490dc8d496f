using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Licensing;

public class LicensingTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void AssignLicense_MoreThanPurchased_IsRefused()
    {
        var f = new EngineFixture(s => s.Subscriptions.Single(x => x.Sku == "AudioConferencingMonthly").Seats = 2);

        var result = f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingMonthly);

        Assert.Equal(EngineError.NoSeatsLeft, result.Error);
        Assert.DoesNotContain(LicenseSku.AudioConferencingMonthly, f.Engine.GetUser(T, "megan").Value!.Licenses);
    }

    [Fact]
    public void AssignLicense_Twice_IsRefusedAsDuplicate()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.LicenseAlreadyAssigned, f.Engine.AssignLicense(T, "nestor", "adele", LicenseSku.AudioConferencingMonthly).Error);
    }

    [Theory]
    [InlineData("adele", "megan", EngineError.NotTenantAdmin)]
    [InlineData("nobody", "megan", EngineError.UnknownUser)]
    [InlineData("nestor", "nobody", EngineError.UnknownUser)]
    public void AssignLicense_BadActorOrTarget_IsRefused(string admin, string user, EngineError expected)
    {
        var f = new EngineFixture();

        Assert.Equal(expected, f.Engine.AssignLicense(T, admin, user, LicenseSku.AudioConferencingMonthly).Error);
    }

    [Fact]
    public void AssignLicense_UnsubscribedSku_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.NotSubscribed, f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.CallingPlanInternational).Error);
    }

    [Fact]
    public void PoolSize_CountsAssignedMonthlySeatsOnly()
    {
        var f = new EngineFixture();
        int Pool() => f.Engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesAvailable;

        Assert.Equal(120, Pool()); // 4 purchased, 2 assigned
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingPayPerMinute).Unwrap();
        Assert.Equal(120, Pool()); // pay-per-minute adds nothing
        f.Engine.AssignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        Assert.Equal(180, Pool());
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.Engine.UnassignLicense(T, "nestor", "alex", LicenseSku.AudioConferencingMonthly).Unwrap();
        Assert.Equal(180, Pool()); // held for a day this month: the month's minutes were granted
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(120, Pool()); // next month counts who holds one
    }

    [Fact]
    public void PoolRules_BeforeDecember2019_Give900MinutesPerLicense()
    {
        Assert.Equal(900, MeetingBot.Engine.Billing.PoolRules.MinutesPerLicense(new DateOnly(2019, 11, 1)));
        Assert.Equal(60, MeetingBot.Engine.Billing.PoolRules.MinutesPerLicense(new DateOnly(2019, 12, 1)));
    }

    [Fact]
    public void PayPerMinuteLicense_StillGivesDialInDetails()
    {
        var f = new EngineFixture();
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingPayPerMinute).Unwrap();

        var meeting = f.Schedule("megan");

        Assert.NotNull(meeting.Invite.DialIn);
    }

    [Fact]
    public void SetDialOutPermission_ByNonAdmin_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.SetDialOutPermission(T, "adele", "megan", DialOutPermission.DontAllow).Error);
        Assert.Equal(DialOutPermission.AnyDestination, f.Engine.GetUser(T, "megan").Value!.DialOutPermission);
    }

    [Fact]
    public void AddTenant_UnknownSkuInSeed_FailsAtStartUp()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EngineFixture(s => s.Users[0].Licenses.Add("NoSuchSku")));

        Assert.Contains("NoSuchSku", ex.Message);
    }
}
