namespace MeetingBot.Web.Api.Contracts;

/// <summary>
/// The tenant's toll-fraud guardrails: the default monthly dial-out budget (null: no limit), the approval rule, and
/// every user's budget with this billing month's use (<c>month</c> yyyy-MM, UTC).
/// </summary>
public sealed record GuardrailsView(int? DefaultMinutesPerMonth, decimal? DefaultMoneyPerMonth, bool ApprovalOutsideZoneA, decimal? ApprovalAboveRatePerMinute,
    int ApprovalExpiryMinutes, string Currency, string Month, List<UserBudgetView> Users);
