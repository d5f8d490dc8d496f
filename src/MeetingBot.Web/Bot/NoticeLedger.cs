using System.Collections.Concurrent;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Remembers what the bot just told a user in a reply, so the same engine event arriving proactively a moment
/// later is not said twice. Measured in real elapsed time: a fast-forwarded demo clock must not stretch it.
/// </summary>
public sealed class NoticeLedger
{
    public static TimeSpan Window { get; } = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, long> _toldAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _stopwatch;

    public NoticeLedger(TimeProvider? stopwatch = null) => _stopwatch = stopwatch ?? TimeProvider.System;

    public static string Unavailable(string userId, string? meetingId) => $"unavailable:{userId}:{meetingId}";
    public static string Reminder(string userId, string meetingId) => $"reminder:{userId}:{meetingId}";

    /// <summary>Marked before the engine call, because the engine publishes its event before it returns.</summary>
    public void MarkTold(string key) => _toldAt[key] = _stopwatch.GetTimestamp();

    public void Forget(string key) => _toldAt.TryRemove(key, out _);

    public bool ToldRecently(string key) =>
        _toldAt.TryGetValue(key, out var at) && _stopwatch.GetElapsedTime(at) < Window;
}
