namespace MeetingBot.Web.Api.Contracts;

/// <summary>One user's monthly dial-out budget (their own when <c>isOverride</c>, else the tenant default) and this month's use.</summary>
public sealed record UserBudgetView(string UserId, string DisplayName, int? MinutesPerMonth, decimal? MoneyPerMonth, bool IsOverride,
    int MinutesUsed, decimal MoneySpent, int? MinutesLeft, decimal? MoneyLeft, bool IsSpent);
