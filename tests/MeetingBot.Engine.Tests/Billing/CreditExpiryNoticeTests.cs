using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Billing;

/// <summary>Admins hear, once per purchase, that funds left in it are forfeited in 7 days.</summary>
public class CreditExpiryNoticeTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void Tick_SevenDaysBeforeExpiry_RaisesTheNoticeOnce_AndAuditsIt()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var expires = EngineFixture.Start.AddMonths(12);

        f.Clock.SetUtcNow(expires - ConferenceEngine.CreditExpiryNotice - TimeSpan.FromSeconds(1));
        f.Engine.Tick();
        Assert.Empty(f.Events.Of<CreditsExpiringSoon>());

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        f.Engine.Tick();
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.Engine.Tick();
        f.Engine.Tick();

        var notice = Assert.Single(f.Events.Of<CreditsExpiringSoon>());
        Assert.Equal((5m, "USD", expires), (notice.Remaining, notice.Currency, notice.ExpiresAt));
        Assert.Single(f.Engine.GetAuditLog(T, "nestor").Unwrap(), e => e.Action == "credits.expiry.notice" && e.Target == notice.PurchaseId.ToString());
    }

    [Fact]
    public void Tick_TwoPurchases_GetOneNoticeEach_AndASpentOneNone()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        MoneyForecastTests.SpendCredits(f, 3); // 3 minutes × 0.24 of the 1.00
        f.Engine.AddFunds(T, "nestor", 2m).Unwrap(); // the first keeps 0.28
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.Engine.AddFunds(T, "nestor", 3m).Unwrap();

        f.Clock.SetUtcNow(EngineFixture.Start.AddMonths(12).AddDays(-6));
        f.Engine.Tick();
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.Engine.Tick();

        Assert.Equal([0.28m, 2m, 3m], f.Events.Of<CreditsExpiringSoon>().Select(n => n.Remaining).Order());
    }

    [Fact]
    public void Tick_PurchaseSpentToZero_RaisesNoNotice()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 1.20m).Unwrap();
        MoneyForecastTests.SpendCredits(f, 5); // 5 minutes × 0.24: all of it
        f.Engine.AddFunds(T, "nestor", 2m).Unwrap();

        f.Clock.SetUtcNow(EngineFixture.Start.AddMonths(12).AddDays(-1));
        f.Engine.Tick();

        Assert.Equal(2m, Assert.Single(f.Events.Of<CreditsExpiringSoon>()).Remaining);
    }
}
