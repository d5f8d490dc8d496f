namespace MeetingBot.Web.Api.Contracts;

public sealed record BalanceView(decimal Balance, string Currency);
