namespace MeetingBot.Engine.Billing;

/// <summary>One purchase of Communications Credits. Unused funds are forfeited 12 months after purchase.</summary>
public sealed class CreditPurchase
{
    internal CreditPurchase(Guid id, decimal amount, DateTimeOffset purchasedAt, bool isAutoRecharge)
    {
        Id = id;
        Amount = amount;
        Remaining = amount;
        PurchasedAt = purchasedAt;
        ExpiresAt = purchasedAt.AddMonths(12);
        IsAutoRecharge = isAutoRecharge;
    }

    public Guid Id { get; }
    public decimal Amount { get; }
    public decimal Remaining { get; internal set; }
    public DateTimeOffset PurchasedAt { get; }
    /// <summary>Exclusive: the funds are usable while now &lt; ExpiresAt.</summary>
    public DateTimeOffset ExpiresAt { get; }
    public bool IsAutoRecharge { get; }
    public decimal Forfeited { get; internal set; }
}
