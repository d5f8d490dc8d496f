using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine.Snapshots;

/// <summary>A tenant's settings and money as they were inside its turn (see <see cref="Tenant"/>).</summary>
public sealed record TenantSnapshot(
    string Id,
    string Name,
    string Country,
    string Currency,
    ConferenceBridge Bridge,
    decimal CreditBalance,
    AutoRechargeSettings AutoRecharge,
    IReadOnlyList<CreditPurchaseState> Purchases,
    IReadOnlyList<CreditTransaction> Ledger)
{
    public static TenantSnapshot Of(Tenant t) =>
        new(t.Id, t.Name, t.Country, t.Currency, t.Bridge, t.Credits.Balance, t.Credits.AutoRecharge,
            t.Credits.Purchases.Select(CreditAccount.ToState).ToArray(), t.Credits.Ledger.ToArray());
}
