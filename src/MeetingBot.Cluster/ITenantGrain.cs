using MeetingBot.Cluster.Commands;

namespace MeetingBot.Cluster;

/// <summary>
/// One tenant, keyed by its id: the only owner of that tenant's live state in the cluster. Orleans runs one
/// activation per key and one turn at a time, so every rule the engine enforces under its tenant lock holds
/// across hosts too.
/// </summary>
[Alias("MeetingBot.Cluster.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("Run")]
    Task<TResult> Run<TResult>(TenantCommand<TResult> command);

    /// <summary>The silo that holds this tenant now (operations and failover tests).</summary>
    [Alias("Owner")]
    Task<string> Owner();
}
