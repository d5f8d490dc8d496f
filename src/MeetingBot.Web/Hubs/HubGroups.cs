namespace MeetingBot.Web.Hubs;

/// <summary>SignalR group names. Tenant ids are part of every name: ids are only unique within a tenant.</summary>
public static class HubGroups
{
    public static string User(string tenantId, string userId) => $"user:{tenantId.ToLowerInvariant()}:{userId.ToLowerInvariant()}";
    public static string Admins(string tenantId) => $"admins:{tenantId.ToLowerInvariant()}";
    public static string Meeting(string tenantId, string meetingId) => $"meeting:{tenantId.ToLowerInvariant()}:{meetingId}";
}
