using MeetingBot.Cluster.Commands;

namespace MeetingBot.Cluster;

/// <summary>
/// How the host reaches a tenant: bot turns, HTTP API, hub methods, invite-link pages, the dial-in simulation and
/// the demo clock all send their commands here, and the tenant's grain runs them, wherever in the cluster it lives.
/// </summary>
public interface ITenants
{
    /// <summary>The configured tenants (seeds and bridge numbers): the same on every host.</summary>
    TenantCatalog Catalog { get; }

    /// <summary>Runs <paramref name="command"/> in the tenant's turn. Throws <see cref="TenantUnavailableException"/> while the tenant cannot be reached.</summary>
    Task<TResult> Ask<TResult>(string tenantId, TenantCommand<TResult> command);
}
