namespace MeetingBot.Web.Api.Contracts;

public sealed record CreditsView(decimal Balance, string Currency, AutoRechargeView AutoRecharge, IReadOnlyList<CreditPurchaseView> Purchases, IReadOnlyList<CreditTransactionView> Ledger);
