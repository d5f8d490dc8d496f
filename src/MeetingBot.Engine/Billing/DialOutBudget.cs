namespace MeetingBot.Engine.Billing;

/// <summary>
/// A user's monthly dial-out budget (toll-fraud guardrail, beyond Teams): the most minutes and the most Communications
/// Credits money their dial-outs ("Call me" and adding people) may use in one billing month. A null limit is no limit;
/// 0 allows nothing. Pooled minutes count towards <see cref="MinutesPerMonth"/> and cost no money.
/// </summary>
public sealed record DialOutBudget(int? MinutesPerMonth, decimal? MoneyPerMonth)
{
    public const int MaxMinutesPerMonth = 100_000;
    public const decimal MaxMoneyPerMonth = 100_000m;

    /// <summary>No limit: what Teams does.</summary>
    public static readonly DialOutBudget Unlimited = new(null, null);

    public bool IsUnlimited => MinutesPerMonth is null && MoneyPerMonth is null;

    /// <summary>The budget as asked for, or null when a limit is negative, too large, or money has more than two decimals.</summary>
    public static DialOutBudget? Create(int? minutesPerMonth, decimal? moneyPerMonth) =>
        minutesPerMonth is < 0 or > MaxMinutesPerMonth || moneyPerMonth is < 0m or > MaxMoneyPerMonth
        || moneyPerMonth is { } money && decimal.Round(money, 2) != money
            ? null
            : new DialOutBudget(minutesPerMonth, moneyPerMonth);

    /// <summary>Whether one more minute costing <paramref name="charge"/> fits after <paramref name="spent"/>.</summary>
    public bool Allows(BudgetSpend spent, decimal charge) =>
        (MinutesPerMonth is not { } minutes || spent.Minutes + 1L <= minutes)
        && (MoneyPerMonth is not { } money || spent.Money + charge <= money);

    public override string ToString() => IsUnlimited ? "no limit"
        : FormattableString.Invariant($"{(MinutesPerMonth is { } m ? $"{m} min" : "any minutes")}, {(MoneyPerMonth is { } d ? $"{d:0.00}" : "any money")}");
}
