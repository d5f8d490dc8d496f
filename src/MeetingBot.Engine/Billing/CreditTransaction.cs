namespace MeetingBot.Engine.Billing;

/// <summary>A line of the credits ledger. Amount is positive for funds in, negative for charges and forfeitures.</summary>
public sealed record CreditTransaction(DateTimeOffset At, CreditTransactionKind Kind, decimal Amount, decimal BalanceAfter, string Description);
