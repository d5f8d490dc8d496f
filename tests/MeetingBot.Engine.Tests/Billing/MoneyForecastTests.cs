using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Billing;

/// <summary>
/// The money forecast on the fake clock. The fixture starts on 2026-03-10 09:00 UTC with a 120-minute pool (adele and
/// lee hold monthly Audio Conferencing); lee also holds Communications Credits, and a minute to Egypt (outside Zone A)
/// costs 0.24 from credits.
/// </summary>
public class MoneyForecastTests
{
    private const string T = EngineFixture.TenantId;
    private const string OutsideZoneA = "+20 2 2792 1234";

    /// <summary>Twelve whole days after 00:00 UTC on 1 March: rates are per 12 days.</summary>
    private static readonly DateTimeOffset March13 = new(2026, 3, 13, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A call of lee's to Egypt of <paramref name="minutes"/> minutes, 0.24 each from credits, then hung up.</summary>
    internal static void SpendCredits(EngineFixture f, int minutes)
    {
        var m = f.Schedule("lee", "Cairo");
        var leg = f.Engine.CallMe(T, "lee", m.Id, OutsideZoneA).Unwrap();
        f.Jump(TimeSpan.FromMinutes(minutes - 1) + TimeSpan.FromSeconds(30));
        f.Engine.HangUp(T, "lee", leg.Id).Unwrap();
    }

    [Fact]
    public void GetMoneyForecast_ByNonAdmin_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.GetMoneyForecast(T, "adele").Error);
        Assert.Equal(EngineError.UnknownUser, f.Engine.GetMoneyForecast(T, "nobody").Error);
    }

    [Fact]
    public void GetMoneyForecast_PurchasesExpiringIn20_50_80Days_FallInTheWindowsThatReachThem()
    {
        var f = new EngineFixture();
        var first = f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        f.Clock.Advance(TimeSpan.FromDays(30));
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        f.Clock.Advance(TimeSpan.FromDays(30));
        f.Engine.AddFunds(T, "nestor", 20m).Unwrap();
        f.Clock.SetUtcNow(EngineFixture.Start.AddMonths(12).AddDays(-20)); // the first expires in exactly 20 days

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal([30, 60, 90], forecast.Expiring.Select(w => w.Days));
        Assert.Equal([5m, 15m, 35m], forecast.Expiring.Select(w => w.AmountLeft));
        Assert.Equal([1, 2, 3], forecast.Expiring.Select(w => w.Purchases.Count));
        Assert.Equal(EngineFixture.Start.AddMonths(12), forecast.Expiring[0].Purchases[0].ExpiresAt);
        Assert.Equal(35m, forecast.CreditBalance);
    }

    [Fact]
    public void GetMoneyForecast_SpentPurchases_AreNotExpiring_AndAPurchaseExpiringIn90DaysAndASecond_IsInNoWindow()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        SpendCredits(f, 4); // 0.96 of the 1.00
        f.Clock.SetUtcNow(EngineFixture.Start.AddMonths(12).AddDays(-90).AddSeconds(-1));

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.All(forecast.Expiring, w => Assert.Empty(w.Purchases));
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([0m, 0m, 0.04m], f.Engine.GetMoneyForecast(T, "nestor").Unwrap().Expiring.Select(w => w.AmountLeft));
    }

    [Fact]
    public void GetMoneyForecast_BurnRates_AreThisMonthsSpendPerDaySoFar()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        SpendCredits(f, 10);        // 2.40 on 10 March
        f.UsePooledMinutes(30);     // 30 pooled minutes on 10 March
        f.Clock.SetUtcNow(March13); // 12 days into the month

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal(new DateOnly(2026, 3, 1), forecast.Month);
        Assert.Equal((2.40m, 0.2m), (forecast.CreditsSpentThisMonth, forecast.CreditBurnPerDay));
        Assert.Equal((120, 30, 2.5m), (forecast.PoolMinutes, forecast.PoolMinutesUsed, forecast.PoolBurnPerDay));
        Assert.Equal(13, forecast.PoolMinutesByDay.Count);
        Assert.Equal(30, forecast.PoolMinutesByDay[9]);
        Assert.Equal(30, forecast.PoolMinutesByDay.Sum());
    }

    [Fact]
    public void GetMoneyForecast_CreditsAtTheirRate_RunOutOnTheDayTheBalanceIsSpent()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        SpendCredits(f, 10);
        f.Clock.SetUtcNow(March13);

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        // 7.60 left at 0.20 a day: 38 days after 13 March.
        Assert.Equal((CreditOutlook.RunsOut, new DateOnly(2026, 4, 20)), (forecast.CreditOutlook, forecast.CreditsRunOutOn));
        Assert.False(forecast.AutoRechargeIgnored);
    }

    [Fact]
    public void GetMoneyForecast_WithAutoRechargeOn_StillIgnoresIt_AndSaysSo()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        f.Engine.SetAutoRecharge(T, "nestor", true, 1m, 10m).Unwrap();
        SpendCredits(f, 10);
        f.Clock.SetUtcNow(March13);

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal((new DateOnly(2026, 4, 20), true), (forecast.CreditsRunOutOn, forecast.AutoRechargeIgnored));
    }

    [Fact]
    public void GetMoneyForecast_FundsExpiringBeforeTheRateSpendsThem_ReachZeroByForfeitureOnTheExpiryDay()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap(); // expires 2027-03-10 09:00
        f.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        SpendCredits(f, 1);
        f.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)); // 0.24 in 4 days: 0.06 a day

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal(0.06m, forecast.CreditBurnPerDay);
        Assert.Equal((CreditOutlook.ForfeitedFirst, new DateOnly(2027, 3, 10)), (forecast.CreditOutlook, forecast.CreditsRunOutOn));
    }

    [Fact]
    public void GetMoneyForecast_NoBalance_IsAlreadyEmpty_AndABalanceNotSpentThisMonth_HasNoRunOutDay()
    {
        var f = new EngineFixture();
        var empty = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();
        f.Engine.AddFunds(T, "nestor", 10m).Unwrap();
        var unspent = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal((CreditOutlook.AlreadyEmpty, (DateOnly?)null), (empty.CreditOutlook, empty.CreditsRunOutOn));
        Assert.Equal((CreditOutlook.NoSpendingThisMonth, (DateOnly?)null, 0m), (unspent.CreditOutlook, unspent.CreditsRunOutOn, unspent.CreditBurnPerDay));
    }

    [Fact]
    public void GetMoneyForecast_PoolUsedFastEnough_RunsDryOnTheDayItsLastMinuteIsUsed()
    {
        var f = new EngineFixture();
        f.UsePooledMinutes(60);
        f.Clock.SetUtcNow(March13);

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        // 60 minutes in 12 days: 5 a day, so all 120 are used 24 days into the month.
        Assert.Equal(5m, forecast.PoolBurnPerDay);
        Assert.Equal((PoolOutlook.RunsDryThisMonth, new DateOnly(2026, 3, 25)), (forecast.PoolOutlook, forecast.PoolRunsDryOn));
    }

    [Fact]
    public void GetMoneyForecast_PoolUsedSlowly_LastsThisMonth_WithNoDay()
    {
        var f = new EngineFixture();
        f.UsePooledMinutes(30);
        f.Clock.SetUtcNow(March13);

        var forecast = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        // 2.5 a day would use 120 minutes 48 days into the month: after 31 March.
        Assert.Equal((PoolOutlook.LastsThisMonth, (DateOnly?)null), (forecast.PoolOutlook, forecast.PoolRunsDryOn));
        Assert.Equal(new DateOnly(2026, 3, 31), forecast.MonthEnd);
    }

    [Fact]
    public void GetMoneyForecast_PoolAllUsed_IsAlreadyDry_AndNextMonthStartsAfresh()
    {
        var f = new EngineFixture();
        f.UsePooledMinutes(120);

        var dry = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var april = f.Engine.GetMoneyForecast(T, "nestor").Unwrap();

        Assert.Equal((PoolOutlook.AlreadyDry, (DateOnly?)null, 0), (dry.PoolOutlook, dry.PoolRunsDryOn, dry.PoolMinutesLeft));
        Assert.Equal((PoolOutlook.LastsThisMonth, 0, 0m, 1), (april.PoolOutlook, april.PoolMinutesUsed, april.PoolBurnPerDay, april.PoolMinutesByDay.Count));
    }

    [Fact]
    public void GetMoneyForecast_WithoutMonthlyAudioConferencing_HasNoPool()
    {
        var f = new EngineFixture(seed => seed.Users.ForEach(u => u.Licenses.Remove("AudioConferencingMonthly")));

        Assert.Equal(PoolOutlook.NoPool, f.Engine.GetMoneyForecast(T, "nestor").Unwrap().PoolOutlook);
    }

    [Fact]
    public void GetMoneyForecast_ACallOverMidnight_CountsEachPooledMinuteOnTheDayItBegan()
    {
        var f = new EngineFixture();
        f.Clock.SetUtcNow(March13.AddMinutes(-5));
        f.UsePooledMinutes(10); // 23:55 to 00:05

        var byDay = f.Engine.GetMoneyForecast(T, "nestor").Unwrap().PoolMinutesByDay;

        Assert.Equal((5, 5, 13), (byDay[11], byDay[12], byDay.Count));
    }
}
