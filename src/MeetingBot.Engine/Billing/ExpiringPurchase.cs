namespace MeetingBot.Engine.Billing;

/// <summary>A purchase with funds left that will be forfeited at <paramref name="ExpiresAt"/> (exclusive) unless spent.</summary>
public sealed record ExpiringPurchase(Guid Id, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, decimal Amount, decimal Remaining, bool IsAutoRecharge);
