namespace MeetingBot.Cluster;

/// <summary>
/// The tenant's activation could not store a tick (the store refused it or failed) and is being reloaded from the
/// store: the command did not run here. <see cref="GrainTenants"/> sends it again, to the reloaded tenant.
/// </summary>
[GenerateSerializer, Alias("MeetingBot.Cluster.TenantReloadingException")]
public sealed class TenantReloadingException : Exception
{
    public TenantReloadingException() : base("The tenant is being reloaded from the store.") { }

    public TenantReloadingException(string tenantId) : base($"Tenant {tenantId} is being reloaded from the store; send the command again.") { }
}
