namespace MeetingBot.Web.Api.Contracts;

public sealed record CreditPurchaseView(decimal Amount, decimal Remaining, decimal Forfeited, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, bool IsAutoRecharge);
