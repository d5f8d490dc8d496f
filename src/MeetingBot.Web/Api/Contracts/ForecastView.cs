namespace MeetingBot.Web.Api.Contracts;

/// <summary>GET /api/admin/forecast: where the tenant's credits and pooled minutes are heading this month.</summary>
/// <param name="Month">yyyy-MM (UTC calendar month the rates cover).</param>
public sealed record ForecastView(DateTimeOffset At, string Month, string Currency, decimal CreditBalance,
    IReadOnlyList<ExpiryWindowView> Expiring, CreditForecastView Credits, PoolForecastView Pool);
