using System.Collections.Concurrent;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// How many of this host's connections listen to each meeting. SignalR keeps group sizes to itself; the push
/// path needs them to decide whether a meeting event is worth spreading over threads (a big meeting) or is
/// cheaper written in one go (the usual few people).
/// </summary>
public sealed class MeetingConnectionCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count(string tenantId, string meetingId) => _counts.GetValueOrDefault(HubGroups.MeetingKey(tenantId, meetingId));

    internal void Joined(string meetingKey) => _counts.AddOrUpdate(meetingKey, 1, static (_, n) => n + 1);

    internal void Left(string meetingKey)
    {
        while (_counts.TryGetValue(meetingKey, out var n))
        {
            // The last one out removes the entry, so meetings long over leave nothing behind.
            if (n <= 1 ? _counts.TryRemove(new KeyValuePair<string, int>(meetingKey, n)) : _counts.TryUpdate(meetingKey, n - 1, n)) return;
        }
    }
}
