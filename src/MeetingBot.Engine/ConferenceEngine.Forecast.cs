using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>How long before a purchase's funds are forfeited the admins are told (once per purchase).</summary>
    public static readonly TimeSpan CreditExpiryNotice = TimeSpan.FromDays(7);

    /// <summary>The audit action of an expiry notice; the log is also how a restarted host knows which purchases were noticed.</summary>
    internal const string CreditExpiryNoticeAction = "credits.expiry.notice";

    private const string SystemActor = "system";

    /// <summary>
    /// The money forecast (admins only): credits expiring within 30/60/90 days, this month's burn rates of credits and
    /// of pooled minutes, and the days the pool and the balance run out at those rates. Reading it forfeits expired
    /// funds first, as every balance read does.
    /// </summary>
    public EngineResult<MoneyForecast> GetMoneyForecast(string tenantId, string adminId) =>
        InTenant<MoneyForecast>(tenantId, (tenant, raised) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            ExpireCredits(tenant, raised);
            return Forecast(tenant, Now);
        });

    private static MoneyForecast Forecast(Tenant tenant, DateTimeOffset now)
    {
        var month = MonthOf(now);
        var monthStart = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var elapsed = now.UtcTicks - monthStart.UtcTicks;

        var live = tenant.Credits.Purchases.Where(p => p.Remaining > 0 && p.ExpiresAt > now).ToArray();
        var windows = MoneyForecast.WindowDays.Select(days =>
        {
            var inWindow = live.Where(p => p.ExpiresAt <= now.AddDays(days)).OrderBy(p => p.ExpiresAt)
                .Select(p => new ExpiringPurchase(p.Id, p.PurchasedAt, p.ExpiresAt, p.Amount, p.Remaining, p.IsAutoRecharge)).ToArray();
            return new ExpiryWindow(days, inWindow.Sum(p => p.Remaining), inWindow);
        }).ToArray();

        var balance = tenant.Credits.Balance;
        var spent = -tenant.Credits.Ledger
            .Where(t => t.Kind == CreditTransactionKind.CallCharge && t.At >= monthStart && t.At <= now)
            .Sum(t => t.Amount);
        var (creditOutlook, creditsRunOut) = CreditRunOut(live, balance, spent, elapsed, now);

        var poolSize = tenant.PoolMinutes(month, Capability.MCOMEETADD);
        var used = tenant.Used(month, Capability.MCOMEETADD);
        var (poolOutlook, poolDry) = PoolRunDry(poolSize, used, elapsed, monthStart);

        return new MoneyForecast(now, month, tenant.Currency, balance, windows,
            spent, PerDay(spent, elapsed, 4), creditOutlook, creditsRunOut, tenant.Credits.AutoRecharge.Enabled,
            poolSize, used, PerDay(used, elapsed, 2), poolOutlook, poolDry, PoolMinutesByDay(tenant, monthStart, now));
    }

    private static decimal PerDay(decimal amount, long elapsedTicks, int decimals) =>
        elapsedTicks <= 0 ? 0m : decimal.Round(amount * TimeSpan.TicksPerDay / elapsedTicks, decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// At <paramref name="used"/> minutes in <paramref name="elapsedTicks"/>, the pool of <paramref name="size"/> is used up
    /// at monthStart + elapsed × size / used; if that instant falls in the month, that is its day.
    /// </summary>
    private static (PoolOutlook, DateOnly?) PoolRunDry(int size, int used, long elapsedTicks, DateTimeOffset monthStart)
    {
        if (size <= 0) return (PoolOutlook.NoPool, null);
        if (used >= size) return (PoolOutlook.AlreadyDry, null);
        if (used == 0 || elapsedTicks <= 0) return (PoolOutlook.LastsThisMonth, null);
        var dryTicks = monthStart.UtcTicks + (decimal)elapsedTicks * size / used;
        if (dryTicks >= monthStart.AddMonths(1).UtcTicks) return (PoolOutlook.LastsThisMonth, null);
        return (PoolOutlook.RunsDryThisMonth, DayOf(dryTicks));
    }

    /// <summary>
    /// Spends the balance at this month's rate in the order credits are spent (<see cref="CreditAccount.InSpendingOrder"/>):
    /// a purchase that expires before the rate reaches the end of it loses the rest at its expiry, and spending goes on
    /// from the next. Auto-recharge is ignored.
    /// </summary>
    private static (CreditOutlook, DateOnly?) CreditRunOut(IReadOnlyList<CreditPurchase> live, decimal balance, decimal spent, long elapsedTicks, DateTimeOffset now)
    {
        if (balance <= 0) return (CreditOutlook.AlreadyEmpty, null);
        if (spent <= 0 || elapsedTicks <= 0) return (CreditOutlook.NoSpendingThisMonth, null);
        decimal t = now.UtcTicks;
        var forfeited = false;
        foreach (var purchase in CreditAccount.InSpendingOrder(live))
        {
            var spentThrough = t + purchase.Remaining * elapsedTicks / spent;
            forfeited = spentThrough > purchase.ExpiresAt.UtcTicks;
            t = forfeited ? Math.Max(t, purchase.ExpiresAt.UtcTicks) : spentThrough;
        }
        return (forfeited ? CreditOutlook.ForfeitedFirst : CreditOutlook.RunsOut, DayOf(t));
    }

    private static DateOnly DayOf(decimal ticks) =>
        DateOnly.FromDateTime(new DateTime((long)Math.Min(ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc));

    /// <summary>Pooled minutes per day of the month so far (index 0 is the 1st), as <see cref="Tenant.PoolMinutesOnDay"/> counted them.</summary>
    private static int[] PoolMinutesByDay(Tenant tenant, DateTimeOffset monthStart, DateTimeOffset now)
    {
        var first = DateOnly.FromDateTime(monthStart.UtcDateTime);
        var days = new int[(now - monthStart).Days + 1];
        for (var i = 0; i < days.Length; i++) days[i] = tenant.PoolMinutesOnDay.GetValueOrDefault(first.AddDays(i));
        return days;
    }

    private static void CountPoolMinuteOnDay(Tenant tenant, DateTimeOffset minuteStart, int minutes)
    {
        var day = DateOnly.FromDateTime(minuteStart.UtcDateTime);
        tenant.PoolMinutesOnDay[day] = checked(tenant.PoolMinutesOnDay.GetValueOrDefault(day) + minutes);
    }

    /// <summary>
    /// After a restart, from what was stored: the usage records of ended calls and the paid segments of live ones, each
    /// minute on the day it began. A record keeps whole seconds, so its minutes are ceil(seconds / 60): a call hung up
    /// less than a second into a paid minute counts one minute fewer here than the pool counter (which stays exact).
    /// </summary>
    private static void RestorePoolMinutesOnDay(Tenant tenant, Persistence.TenantJournal stored)
    {
        tenant.PoolMinutesOnDay.Clear();
        foreach (var r in stored.Usage)
            if (r.Capability == Capability.MCOMEETADD)
                for (var i = 0; i < (r.DurationSeconds + 59) / 60; i++) CountPoolMinuteOnDay(tenant, r.Start.AddMinutes(i), 1);
        foreach (var leg in stored.LiveLegs)
            foreach (var seg in leg.Segments)
                if (seg.Capability == Capability.MCOMEETADD)
                    for (var i = 0; i < seg.Minutes; i++) CountPoolMinuteOnDay(tenant, seg.Start.AddMinutes(i), 1);
    }

    /// <summary>
    /// Tells the admins, once per purchase, that funds left in it will be forfeited within <see cref="CreditExpiryNotice"/>.
    /// Asked on every tick: a plain loop that allocates nothing unless a notice is due. Caller holds the tenant lock.
    /// </summary>
    private void NoticeExpiringCredits(Tenant tenant, List<EngineEvent> raised)
    {
        var now = Now;
        var purchases = tenant.Credits.Purchases;
        for (var i = 0; i < purchases.Count; i++)
        {
            var p = purchases[i];
            if (p.Remaining <= 0 || p.ExpiresAt <= now || p.ExpiresAt - CreditExpiryNotice > now) continue;
            if (!tenant.ExpiryNoticesSent.Add(p.Id)) continue;
            Audit(tenant, SystemActor, CreditExpiryNoticeAction, p.Id.ToString(), "ok");
            raised.Add(new CreditsExpiringSoon(tenant.Id, now, p.Id, p.PurchasedAt, p.ExpiresAt, p.Remaining, tenant.Currency));
        }
    }
}
