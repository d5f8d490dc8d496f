namespace MeetingBot.Engine.Billing;

/// <summary>A user's dial-out budget this month and what is used of it.</summary>
/// <param name="IsOverride">The admin set this user's own budget; false: the tenant default applies.</param>
/// <param name="Month">The billing month (first day, UTC).</param>
public sealed record UserBudgetStatus(string UserId, string DisplayName, DialOutBudget Budget, bool IsOverride, DateOnly Month, int MinutesUsed, decimal MoneySpent)
{
    public int? MinutesLeft => Budget.MinutesPerMonth is { } m ? Math.Max(0, m - MinutesUsed) : null;

    public decimal? MoneyLeft => Budget.MoneyPerMonth is { } m ? Math.Max(0m, m - MoneySpent) : null;

    /// <summary>The minutes are used up, or the money is (then only pooled minutes, which cost nothing, still fit).</summary>
    public bool IsSpent => MinutesLeft == 0 || MoneyLeft == 0m;
}
