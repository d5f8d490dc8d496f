namespace MeetingBot.Web.Hubs.Messages;

/// <summary>To tenant admins: the pooled dial-out minutes crossed a warning threshold this month.</summary>
public sealed record PoolLowMessage(int ThresholdPercent, int MinutesUsed, int MinutesAvailable, DateTimeOffset At);
