namespace MeetingBot.Web.Api.Contracts;

public sealed record CreditTransactionView(DateTimeOffset At, string Kind, decimal Amount, decimal BalanceAfter, string Description);
