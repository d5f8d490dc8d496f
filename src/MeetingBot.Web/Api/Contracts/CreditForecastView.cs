namespace MeetingBot.Web.Api.Contracts;

/// <param name="Outlook">NoSpendingThisMonth, RunsOut, ForfeitedFirst or AlreadyEmpty.</param>
/// <param name="RunsOutOn">yyyy-MM-dd (UTC), or null when <paramref name="Outlook"/> is not RunsOut or ForfeitedFirst.</param>
/// <param name="AutoRechargeIgnored">Auto-recharge is on; the run-out day ignores it.</param>
public sealed record CreditForecastView(decimal SpentThisMonth, decimal BurnPerDay, string Outlook, string? RunsOutOn, bool AutoRechargeIgnored, string Summary);
