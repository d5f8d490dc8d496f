using System.Globalization;
using MeetingBot.Engine.Billing;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The words of a money forecast, in one place: the credits card, the <c>credits</c> command and the API's
/// <c>/api/admin/forecast</c> (which the web client shows as is) say the same.
/// </summary>
public static class ForecastWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>e.g. "4.00 USD in 1 purchase expires within 30 days".</summary>
    public static string Window(ExpiryWindow w, string currency) => w.Purchases.Count == 0
        ? $"nothing expires within {w.Days} days"
        : $"{CardFormat.Money(w.AmountLeft, currency)} in {w.Purchases.Count} {(w.Purchases.Count == 1 ? "purchase" : "purchases")} expires within {w.Days} days";

    /// <summary>The credits' burn rate and the day the balance runs out, naming what the forecast ignores.</summary>
    public static string Credits(MoneyForecast f)
    {
        var rate = $"Spent {CardFormat.Money(f.CreditsSpentThisMonth, f.Currency)} this month, {CardFormat.Money(f.CreditBurnPerDay, f.Currency)} a day";
        var outlook = f.CreditOutlook switch
        {
            CreditOutlook.AlreadyEmpty => "The balance is empty now.",
            CreditOutlook.NoSpendingThisMonth => "Nothing spent from credits this month, so no run-out day.",
            CreditOutlook.RunsOut => $"{rate}: the balance runs out on {Day(f.CreditsRunOutOn!.Value)}.",
            _ => $"{rate}: what is left is forfeited unspent, and the balance reaches zero on {Day(f.CreditsRunOutOn!.Value)}.",
        };
        return f.AutoRechargeIgnored ? outlook + " (Auto-recharge is on and ignored here: it would top the balance up first.)" : outlook + " (Ignores auto-recharge.)";
    }

    /// <summary>The pool's burn rate and the day it runs dry, or why there is none.</summary>
    public static string Pool(MoneyForecast f)
    {
        var used = $"{f.PoolMinutesUsed.ToString(Invariant)} of {f.PoolMinutes.ToString(Invariant)} pooled minutes used, {f.PoolBurnPerDay.ToString("0.##", Invariant)} a day";
        return f.PoolOutlook switch
        {
            PoolOutlook.NoPool => "No pooled dial-out minutes this month (no assigned monthly Audio Conferencing license).",
            PoolOutlook.AlreadyDry => $"{used}: the pool is already dry this month.",
            PoolOutlook.RunsDryThisMonth => $"{used}: the pool runs dry on {Day(f.PoolRunsDryOn!.Value)}.",
            _ => $"{used}: the pool lasts this month (to {Day(f.MonthEnd)}).",
        };
    }

    /// <summary>The one-line summary the admins' notice uses for a purchase about to expire.</summary>
    public static string ExpiryNotice(decimal remaining, string currency, DateTimeOffset purchasedAt, DateTimeOffset expiresAt) =>
        $"⏳ {CardFormat.Money(remaining, currency)} of Communications Credits bought {CardFormat.Date(purchasedAt)} will be forfeited on {CardFormat.Date(expiresAt)} unless spent first.";
}
