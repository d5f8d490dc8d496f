namespace MeetingBot.Web.Api.Contracts;

/// <summary>A user's own monthly dial-out budget; a null limit is no limit.</summary>
public sealed record UserBudgetRequest(int? MinutesPerMonth, decimal? MoneyPerMonth);
