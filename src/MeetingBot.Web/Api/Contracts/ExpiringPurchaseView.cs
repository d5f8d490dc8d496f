namespace MeetingBot.Web.Api.Contracts;

public sealed record ExpiringPurchaseView(Guid Id, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, decimal Amount, decimal Remaining, bool IsAutoRecharge);
