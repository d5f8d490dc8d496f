namespace MeetingBot.Engine.Billing;

/// <summary>
/// Where a tenant's money and pooled minutes are heading (beyond Teams, which shows a balance and this month's pool
/// and nothing about when either runs out). Computed under the tenant's lock at <paramref name="At"/>; rates are
/// "so far this UTC month": what was spent or used since 00:00 UTC on the 1st, divided by the time since then.
/// </summary>
/// <param name="At">When it was computed (the engine's clock).</param>
/// <param name="Month">The billing month the rates cover (its first day).</param>
/// <param name="Currency">The tenant's currency (ISO 4217).</param>
/// <param name="CreditBalance">What is left of every purchase, after forfeiting what has expired.</param>
/// <param name="Expiring">Credits that will be forfeited within 30, 60 and 90 days unless spent first (each window includes the shorter ones).</param>
/// <param name="CreditsSpentThisMonth">Call charges paid from credits this month.</param>
/// <param name="CreditBurnPerDay">Credits spent per day this month, rounded to 4 decimals (the dates use the exact figures).</param>
/// <param name="CreditOutlook">Whether and how the balance runs out at that rate.</param>
/// <param name="CreditsRunOutOn">The UTC day the balance reaches zero at that rate, spending oldest expiry first and losing each purchase's remainder at its expiry; auto-recharge is ignored. Null unless <see cref="CreditOutlook"/> is RunsOut or ForfeitedFirst.</param>
/// <param name="AutoRechargeIgnored">Auto-recharge is on, so the balance would in fact be topped up before that day.</param>
/// <param name="PoolMinutes">This month's pooled Audio Conferencing dial-out minutes (MCOMEETADD).</param>
/// <param name="PoolMinutesUsed">Pooled minutes used this month.</param>
/// <param name="PoolBurnPerDay">Pooled minutes used per day this month, rounded to 2 decimals.</param>
/// <param name="PoolOutlook">Whether the pool runs dry this month at that rate.</param>
/// <param name="PoolRunsDryOn">The UTC day the last pooled minute is used at that rate; null unless <see cref="PoolOutlook"/> is RunsDryThisMonth.</param>
/// <param name="PoolMinutesByDay">Pooled minutes used on each day of the month so far (index 0 is the 1st, the last is today), each minute counted on the UTC day it began.</param>
public sealed record MoneyForecast(
    DateTimeOffset At,
    DateOnly Month,
    string Currency,
    decimal CreditBalance,
    IReadOnlyList<ExpiryWindow> Expiring,
    decimal CreditsSpentThisMonth,
    decimal CreditBurnPerDay,
    CreditOutlook CreditOutlook,
    DateOnly? CreditsRunOutOn,
    bool AutoRechargeIgnored,
    int PoolMinutes,
    int PoolMinutesUsed,
    decimal PoolBurnPerDay,
    PoolOutlook PoolOutlook,
    DateOnly? PoolRunsDryOn,
    IReadOnlyList<int> PoolMinutesByDay)
{
    /// <summary>The windows the forecast reports, in days from now.</summary>
    public static readonly int[] WindowDays = [30, 60, 90];

    public int PoolMinutesLeft => Math.Max(0, PoolMinutes - PoolMinutesUsed);

    /// <summary>The last day of <see cref="Month"/>: a pool that lasts past it "lasts this month".</summary>
    public DateOnly MonthEnd => Month.AddMonths(1).AddDays(-1);
}
