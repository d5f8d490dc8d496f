namespace MeetingBot.Engine.Billing;

/// <summary>How this month's pooled dial-out minutes fare at this month's burn rate.</summary>
public enum PoolOutlook
{
    /// <summary>At the rate (or with no use at all) minutes are left when the month ends.</summary>
    LastsThisMonth,
    /// <summary>The last minute is used on <see cref="MoneyForecast.PoolRunsDryOn"/>, before the month ends.</summary>
    RunsDryThisMonth,
    /// <summary>Every pooled minute of the month is used already.</summary>
    AlreadyDry,
    /// <summary>No assigned monthly Audio Conferencing license gives the tenant a pool this month.</summary>
    NoPool,
}
