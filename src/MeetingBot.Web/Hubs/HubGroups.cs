namespace MeetingBot.Web.Hubs;

/// <summary>SignalR group names. Tenant ids are part of every name: ids are only unique within a tenant.</summary>
public static class HubGroups
{
    /// <summary>
    /// A meeting's connections are split over this many groups, each connection in exactly one, so one meeting
    /// event can be written to the shards on several threads at once (a big meeting's fan-out then uses every
    /// core, not one) while each connection still gets the meeting's events in order. A constant, not the core
    /// count: with the Redis backplane every host must send to the same names.
    /// </summary>
    public const int MeetingShardCount = 4;

    public static string User(string tenantId, string userId) => $"user:{tenantId.ToLowerInvariant()}:{userId.ToLowerInvariant()}";
    public static string Admins(string tenantId) => $"admins:{tenantId.ToLowerInvariant()}";

    /// <summary>The meeting group shard a connection belongs to (stable for the connection on its host).</summary>
    public static string Meeting(string tenantId, string meetingId, string connectionId) =>
        MeetingShard(tenantId, meetingId, (int)(unchecked((uint)StringComparer.Ordinal.GetHashCode(connectionId)) % MeetingShardCount));

    /// <summary>Every shard of a meeting's group: together, every connection that joined the meeting.</summary>
    public static string[] MeetingShards(string tenantId, string meetingId)
    {
        var names = new string[MeetingShardCount];
        for (var i = 0; i < names.Length; i++) names[i] = MeetingShard(tenantId, meetingId, i);
        return names;
    }

    /// <summary>Names the meeting itself (not a group): the key of <see cref="MeetingConnectionCounter"/>.</summary>
    public static string MeetingKey(string tenantId, string meetingId) => $"meeting:{tenantId.ToLowerInvariant()}:{meetingId}";

    private static string MeetingShard(string tenantId, string meetingId, int shard) => $"{MeetingKey(tenantId, meetingId)}:{shard}";
}
