namespace MeetingBot.Engine.Billing;

/// <summary>
/// One purchase of Communications Credits. Unused funds are forfeited 12 months after purchase. Part of the
/// <see cref="CreditAccount"/> aggregate, which decides what to spend and when to forfeit.
/// </summary>
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
    /// <summary>A purchase as the journal stored it, with what was spent and forfeited since.</summary>
    internal static CreditPurchase Restore(Persistence.CreditPurchaseState stored) =>
        new(stored.Id, stored.Amount, stored.PurchasedAt, stored.IsAutoRecharge) { Remaining = stored.Remaining, Forfeited = stored.Forfeited };

    public decimal Remaining { get; private set; }
    public DateTimeOffset PurchasedAt { get; }
    /// <summary>Exclusive: the funds are usable while now &lt; ExpiresAt.</summary>
    public DateTimeOffset ExpiresAt { get; }
    public bool IsAutoRecharge { get; }
    public decimal Forfeited { get; private set; }

    /// <summary>Spends up to <paramref name="amount"/> from what is left; returns what it took.</summary>
    internal decimal Spend(decimal amount)
    {
        var take = Math.Min(amount, Remaining);
        Remaining -= take;
        return take;
    }

    /// <summary>The year is over: what is left is lost. Returns the amount forfeited.</summary>
    internal decimal Forfeit()
    {
        var lost = Remaining;
        Remaining = 0;
        Forfeited += lost;
        return lost;
    }
}
