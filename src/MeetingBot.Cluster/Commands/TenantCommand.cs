using MeetingBot.Engine;

namespace MeetingBot.Cluster.Commands;

/// <summary>
/// One request to a tenant, run inside that tenant's turn (its grain, one turn at a time) against the engine that
/// holds the tenant's live state. A command only calls the engine and turns what it returns into immutable
/// snapshots: the rules stay in the engine, and nothing mutable leaves the turn. Commands are grouped one file per
/// area (meetings, calls, admin, reports): each is one line, and a file per line would hide the list.
/// </summary>
[GenerateSerializer]
public abstract record TenantCommand<TResult>
{
    public abstract TResult Run(ConferenceEngine engine, string tenantId);

    /// <summary>
    /// How the tenant's grain runs it: on the thread pool, so the engine's store writes block no silo thread while
    /// the grain's turn awaits them. Reads override it (<see cref="ReadCommand{TResult}"/>); the tick is the grain's own.
    /// </summary>
    public virtual Task<TResult> RunAsync(ConferenceEngine engine, string tenantId) => Task.Run(() => Run(engine, tenantId));
}

/// <summary>
/// A command that only reads the tenant (the engine writes nothing to the store for it): it runs inline in the grain's
/// turn, with no hop to the thread pool — most bot turns and page loads are reads.
/// </summary>
[GenerateSerializer]
public abstract record ReadCommand<TResult> : TenantCommand<TResult>
{
    public override Task<TResult> RunAsync(ConferenceEngine engine, string tenantId) => Task.FromResult(Run(engine, tenantId));
}
