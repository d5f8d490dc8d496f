namespace MeetingBot.Cluster;

/// <summary>
/// The tenant could not be reached within the retry budget (its host died and it is moving, or the cluster is
/// down). The command did not run, or its outcome is unknown: callers answer "try again" (HTTP 503 with
/// Retry-After), never a 500.
/// </summary>
public sealed class TenantUnavailableException(string tenantId, Exception inner)
    : Exception($"Tenant {tenantId} is not reachable right now; try again in a few seconds.", inner)
{
    public string TenantId { get; } = tenantId;
}
