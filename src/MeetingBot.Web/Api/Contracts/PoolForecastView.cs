namespace MeetingBot.Web.Api.Contracts;

/// <param name="Outlook">LastsThisMonth, RunsDryThisMonth, AlreadyDry or NoPool.</param>
/// <param name="RunsDryOn">yyyy-MM-dd (UTC), or null unless <paramref name="Outlook"/> is RunsDryThisMonth.</param>
/// <param name="MinutesUsedByDay">Pooled minutes used on each day of the month so far (index 0 is the 1st, the last is today).</param>
public sealed record PoolForecastView(int Minutes, int MinutesUsed, int MinutesLeft, decimal BurnPerDay, string Outlook, string? RunsDryOn,
    string MonthEnd, IReadOnlyList<int> MinutesUsedByDay, string Summary);
