namespace MeetingBot.Engine.Billing;

/// <summary>Credits forfeited within <paramref name="Days"/> days from now unless spent: purchases expiring in (now, now + Days].</summary>
public sealed record ExpiryWindow(int Days, decimal AmountLeft, IReadOnlyList<ExpiringPurchase> Purchases);
