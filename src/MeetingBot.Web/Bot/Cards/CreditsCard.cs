using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Billing;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// Communications Credits: the balance, each purchase with what is left and when it is forfeited, and the forecast
/// (what expires soon, the burn rates, the days the pool and the balance run out).
/// </summary>
public static class CreditsCard
{
    public static JObject Build(decimal balance, string currency, IReadOnlyList<CreditPurchaseState> purchases, AutoRechargeSettings autoRecharge, DateTimeOffset now, MoneyForecast? forecast = null) => Card(
        [
            Heading("Communications Credits"),
            Text($"Balance: {CardFormat.Money(balance, currency)}", size: "Medium", weight: "Bolder").WithId("balance"),
            Text(autoRecharge.Enabled
                ? $"Auto-recharge: add {CardFormat.Money(autoRecharge.Amount, currency)} when the balance falls below {CardFormat.Money(autoRecharge.Threshold, currency)}."
                : "Auto-recharge is off.", subtle: true),
            Text("Purchases", weight: "Bolder"),
            purchases.Count == 0
                ? Text("No funds added yet. Unused funds are forfeited 12 months after purchase.", subtle: true)
                : Facts(purchases.OrderBy(p => p.PurchasedAt).Select(p => (
                    $"{CardFormat.Date(p.PurchasedAt)}{(p.IsAutoRecharge ? " (auto)" : "")}: {CardFormat.Money(p.Amount, currency)}",
                    p.ExpiresAt <= now
                        ? $"expired {CardFormat.Date(p.ExpiresAt)}, {CardFormat.Money(p.Forfeited, currency)} forfeited"
                        : $"{CardFormat.Money(p.Remaining, currency)} left, expires {CardFormat.Date(p.ExpiresAt)}"))).WithId("purchases"),
            forecast is null ? null : Forecast(forecast),
        ],
        [Submit("Admin", CardActions.Admin), Submit("Usage report", CardActions.Usage)]);

    /// <summary>The "Forecast" section: expiry windows, then the credits' and the pool's outlook.</summary>
    private static JObject Forecast(MoneyForecast f) => Container(
        [
            Text("Forecast", weight: "Bolder"),
            Facts(f.Expiring.Select(w => ($"Next {w.Days} days", ForecastWords.Window(w, f.Currency)))).WithId("forecast-expiring"),
            Text(ForecastWords.Credits(f)).WithId("forecast-credits"),
            Text(ForecastWords.Pool(f)).WithId("forecast-pool"),
        ], separator: true).WithId("forecast");
}
