namespace MeetingBot.Web.Api.Contracts;

/// <summary>Credits forfeited within <paramref name="Days"/> days unless spent (each window includes the shorter ones).</summary>
public sealed record ExpiryWindowView(int Days, decimal AmountLeft, string Summary, IReadOnlyList<ExpiringPurchaseView> Purchases);
