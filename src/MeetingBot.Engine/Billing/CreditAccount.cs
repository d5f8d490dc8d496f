namespace MeetingBot.Engine.Billing;

/// <summary>
/// A tenant's prepaid Communications Credits: purchases spent oldest first, expired funds forfeited and
/// recorded, auto-recharge when the balance drops below a threshold. The balance can never go negative:
/// a debit larger than what is available (after any recharge) is refused whole.
/// Not thread-safe: the engine calls it under the tenant's lock.
/// </summary>
public sealed class CreditAccount
{
    public const decimal MinPurchase = 1.00m;
    public const decimal MaxPurchase = 10_000.00m;

    private readonly List<CreditPurchase> _purchases = [];
    private readonly List<CreditTransaction> _ledger = [];

    public AutoRechargeSettings AutoRecharge { get; private set; } = AutoRechargeSettings.Off;
    public IReadOnlyList<CreditPurchase> Purchases => _purchases;
    public IReadOnlyList<CreditTransaction> Ledger => _ledger;

    public decimal Balance => _purchases.Sum(p => p.Remaining);

    public static bool IsValidAmount(decimal amount) =>
        amount >= MinPurchase && amount <= MaxPurchase && decimal.Round(amount, 2) == amount;

    internal void SetAutoRecharge(AutoRechargeSettings settings) => AutoRecharge = settings;

    internal CreditPurchase AddFunds(decimal amount, DateTimeOffset now, bool isAutoRecharge)
    {
        var purchase = new CreditPurchase(Guid.NewGuid(), amount, now, isAutoRecharge);
        _purchases.Add(purchase);
        _ledger.Add(new CreditTransaction(now, isAutoRecharge ? CreditTransactionKind.AutoRecharge : CreditTransactionKind.Purchase,
            amount, Balance, isAutoRecharge ? "Auto-recharge" : "Funds added"));
        return purchase;
    }

    /// <summary>Forfeits what is left of every purchase whose year has run out. Returns the total forfeited.</summary>
    internal decimal ExpireFunds(DateTimeOffset now)
    {
        var total = 0m;
        foreach (var purchase in _purchases.Where(p => p.Remaining > 0 && p.ExpiresAt <= now))
        {
            var lost = purchase.Remaining;
            purchase.Remaining = 0;
            purchase.Forfeited += lost;
            total += lost;
            _ledger.Add(new CreditTransaction(purchase.ExpiresAt, CreditTransactionKind.Forfeiture, -lost, Balance,
                $"Unused funds from {purchase.PurchasedAt:yyyy-MM-dd} forfeited"));
        }
        return total;
    }

    /// <summary>Spends <paramref name="amount"/> oldest purchase first, or nothing if the balance is short.</summary>
    internal bool TryDebit(decimal amount, DateTimeOffset now, string description)
    {
        if (amount <= 0 || Balance < amount) return false;
        var left = amount;
        foreach (var purchase in _purchases.Where(p => p.Remaining > 0).OrderBy(p => p.ExpiresAt))
        {
            var take = Math.Min(left, purchase.Remaining);
            purchase.Remaining -= take;
            left -= take;
            if (left == 0) break;
        }
        _ledger.Add(new CreditTransaction(now, CreditTransactionKind.CallCharge, -amount, Balance, description));
        return true;
    }
}
