using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Snapshots;

namespace MeetingBot.Cluster;

public static class TenantsExtensions
{
    /// <summary>A caller dials a bridge number: the tenant is the one whose bridge answers it.</summary>
    public static async Task<EngineResult<DialInSnapshot>> StartDialInAsync(this ITenants tenants, string dialedNumber, string callerNumber)
    {
        var tenantId = tenants.Catalog.TenantOfBridgeNumber(dialedNumber);
        if (!tenantId.IsSuccess) return tenantId.Error!.Value;
        return await tenants.Ask(tenantId.Value!, new StartDialIn(dialedNumber, callerNumber));
    }

    /// <summary>Advances every tenant to now (after the demo clock moved; tests after moving a fake clock).</summary>
    public static async Task<int> TickAllAsync(this ITenants tenants)
    {
        var processed = 0;
        foreach (var id in tenants.Catalog.TenantIds) processed += await tenants.Ask(id, new Tick());
        return processed;
    }
}
