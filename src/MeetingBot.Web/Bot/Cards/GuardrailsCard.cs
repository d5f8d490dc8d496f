using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Tenancy;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The admin's toll-fraud guardrails: the default monthly budget, the approval rule, and each user's budget with this
/// month's use (one record per user: Web Chat's bubble is narrow), with the commands that change them.
/// </summary>
public static class GuardrailsCard
{
    public static JObject Build(TollFraudGuardrails g, IReadOnlyList<UserBudgetStatus> users, string currency, string? notice = null) => Card(
        [
            notice is null ? null : Text(notice, weight: "Bolder", color: "Good").WithId("notice"),
            Heading("Toll-fraud guardrails"),
            Facts(GuardrailWords.Settings(g, currency)).WithId("settings"),
            Text("Budgets this month", weight: "Bolder"),
            .. users.Select(u => Record("budget-" + u.UserId, u.DisplayName, [("Budget", GuardrailWords.Use(u, currency))])),
            Text("Change them: `budget adele 60 5.00` (minutes, money; `none` for no limit), `budget adele default`, `budget default 120 10`, " +
                 "`approval zone a on|off`, `approval rate 0.10|off`, `approval expiry 15`.", subtle: true).WithId("howTo"),
        ],
        [Submit("Admin", CardActions.Admin), Submit("Audit log", CardActions.Audit)]);
}
