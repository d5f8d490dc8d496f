namespace MeetingBot.Engine.Billing;

/// <summary>How the credit balance fares at this month's burn rate (auto-recharge ignored).</summary>
public enum CreditOutlook
{
    /// <summary>Nothing was spent from credits this month, so there is no rate to run out at.</summary>
    NoSpendingThisMonth,
    /// <summary>Spent down to zero at the rate on <see cref="MoneyForecast.CreditsRunOutOn"/>.</summary>
    RunsOut,
    /// <summary>The last funds expire before the rate spends them: the balance reaches zero by forfeiture on that day.</summary>
    ForfeitedFirst,
    /// <summary>The balance is zero now.</summary>
    AlreadyEmpty,
}
