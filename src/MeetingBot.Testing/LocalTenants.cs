using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Seeding;

namespace MeetingBot.Testing;

/// <summary>
/// The bot's seam to its tenants, in process for dialog tests: commands run one at a time against the harness's
/// engine, as a tenant grain runs them, so a test can drive the bot and check the same engine directly.
/// </summary>
public sealed class LocalTenants(ConferenceEngine engine) : ITenants
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public TenantCatalog Catalog { get; } = new();

    public void Add(TenantSeed seed)
    {
        Catalog.Add(seed);
        engine.AddTenant(seed);
    }

    public async Task<TResult> Ask<TResult>(string tenantId, TenantCommand<TResult> command)
    {
        await _turn.WaitAsync();
        try
        {
            return command.Run(engine, tenantId);
        }
        finally
        {
            _turn.Release();
        }
    }
}
