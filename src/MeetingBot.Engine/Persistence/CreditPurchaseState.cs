namespace MeetingBot.Engine.Persistence;

public sealed record CreditPurchaseState(Guid Id, decimal Amount, decimal Remaining, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, bool IsAutoRecharge, decimal Forfeited);
