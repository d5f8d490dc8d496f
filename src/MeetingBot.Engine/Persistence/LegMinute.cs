namespace MeetingBot.Engine.Persistence;

/// <summary>Minute <see cref="MinuteIndex"/> (1-based) of a leg, beginning at <see cref="Start"/>, costing <see cref="Charge"/>.</summary>
public sealed record LegMinute(string LegId, int MinuteIndex, DateTimeOffset Start, decimal Charge);
