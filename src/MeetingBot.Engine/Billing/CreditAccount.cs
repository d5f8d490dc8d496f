namespace MeetingBot.Engine.Billing;

/// <summary>
/// A tenant's prepaid Communications Credits: purchases spent oldest first, expired funds forfeited and
/// recorded, auto-recharge when the balance drops below a threshold. The balance can never go negative:
/// a debit larger than what is available (after any recharge) is refused whole. The aggregate's transitions are buy
/// (<see cref="AddFunds"/>, or <see cref="PreparePurchase"/> then <see cref="Commit"/> when the purchase is stored
/// first), debit oldest expiry first (<see cref="TryDebit"/>) and forfeit (<see cref="ExpireFunds"/>).
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

    /// <summary>What is left of every purchase (asked on every paid minute: a plain loop, no allocation).</summary>
    public decimal Balance
    {
        get
        {
            var sum = 0m;
            foreach (var p in _purchases) sum += p.Remaining;
            return sum;
        }
    }

    public static bool IsValidAmount(decimal amount) =>
        amount >= MinPurchase && amount <= MaxPurchase && decimal.Round(amount, 2) == amount;

    internal void SetAutoRecharge(AutoRechargeSettings settings) => AutoRecharge = settings;

    internal CreditPurchase AddFunds(decimal amount, DateTimeOffset now, bool isAutoRecharge)
    {
        var (purchase, transaction) = PreparePurchase(amount, now, isAutoRecharge);
        Commit(purchase, transaction);
        return purchase;
    }

    /// <summary>A purchase and its ledger line, not yet added (so it can be stored first).</summary>
    internal (CreditPurchase Purchase, CreditTransaction Transaction) PreparePurchase(decimal amount, DateTimeOffset now, bool isAutoRecharge) =>
        (new CreditPurchase(Guid.NewGuid(), amount, now, isAutoRecharge),
         new CreditTransaction(now, isAutoRecharge ? CreditTransactionKind.AutoRecharge : CreditTransactionKind.Purchase,
             amount, Balance + amount, isAutoRecharge ? "Auto-recharge" : "Funds added"));

    internal void Commit(CreditPurchase purchase, CreditTransaction transaction)
    {
        _purchases.Add(purchase);
        _ledger.Add(transaction);
    }

    /// <summary>Forfeits what is left of every purchase whose year has run out, returning each forfeiture.</summary>
    internal IReadOnlyList<(CreditPurchase Purchase, CreditTransaction Transaction)> ExpireFunds(DateTimeOffset now)
    {
        // Asked before every paid minute: nothing is allocated unless something expired.
        var any = false;
        foreach (var p in _purchases) any |= p.Remaining > 0 && p.ExpiresAt <= now;
        if (!any) return [];
        var forfeited = new List<(CreditPurchase, CreditTransaction)>();
        foreach (var purchase in _purchases.Where(p => p.Remaining > 0 && p.ExpiresAt <= now).ToList())
        {
            var lost = purchase.Forfeit();
            var tx = new CreditTransaction(purchase.ExpiresAt, CreditTransactionKind.Forfeiture, -lost, Balance,
                $"Unused funds from {purchase.PurchasedAt:yyyy-MM-dd} forfeited");
            _ledger.Add(tx);
            forfeited.Add((purchase, tx));
        }
        return forfeited;
    }

    internal void Restore(IEnumerable<Persistence.CreditPurchaseState> purchases, IEnumerable<CreditTransaction> ledger)
    {
        _purchases.Clear();
        _ledger.Clear();
        foreach (var p in purchases.OrderBy(p => p.PurchasedAt))
            _purchases.Add(CreditPurchase.Restore(p));
        _ledger.AddRange(ledger.OrderBy(l => l.At));
    }

    internal static Persistence.CreditPurchaseState ToState(CreditPurchase p) =>
        new(p.Id, p.Amount, p.Remaining, p.PurchasedAt, p.ExpiresAt, p.IsAutoRecharge, p.Forfeited);

    /// <summary>
    /// The order credits are spent in: the purchase that expires first, then the one bought first, then by id
    /// (ordinal). The SQL journal debits in the same order (<c>ORDER BY expires_at, purchased_at, id</c>).
    /// </summary>
    public static IEnumerable<CreditPurchase> InSpendingOrder(IEnumerable<CreditPurchase> purchases) =>
        purchases.OrderBy(p => p.ExpiresAt).ThenBy(p => p.PurchasedAt).ThenBy(p => p.Id.ToString(), StringComparer.Ordinal);

    /// <summary>Spends <paramref name="amount"/> in <see cref="InSpendingOrder"/>, or nothing if the balance is short.</summary>
    internal bool TryDebit(decimal amount, DateTimeOffset now, string description)
    {
        if (amount <= 0 || Balance < amount) return false;
        var left = amount;
        foreach (var purchase in InSpendingOrder(_purchases.Where(p => p.Remaining > 0)))
        {
            left -= purchase.Spend(left);
            if (left == 0) break;
        }
        _ledger.Add(new CreditTransaction(now, CreditTransactionKind.CallCharge, -amount, Balance, description));
        return true;
    }
}
