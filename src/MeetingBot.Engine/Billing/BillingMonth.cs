namespace MeetingBot.Engine.Billing;

/// <summary>
/// Pools, reports and the store count minutes per UTC calendar month, named by its first day. The one place that
/// says which month an instant falls in.
/// </summary>
public static class BillingMonth
{
    public static DateOnly Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
