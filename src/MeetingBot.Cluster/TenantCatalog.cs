using System.Collections.Concurrent;
using MeetingBot.Engine;
using MeetingBot.Engine.Seeding;

namespace MeetingBot.Cluster;

/// <summary>
/// The tenants this deployment serves, from configuration: every host reads the same catalog, so any host can
/// tell which tenant a bridge number belongs to without asking another. Live state is never here — only seeds.
/// </summary>
public sealed class TenantCatalog
{
    private readonly ConcurrentDictionary<string, TenantSeed> _seeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tenantByBridgeNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tenantByDirectoryId = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> TenantIds => _seeds.Keys.ToList();

    public TenantSeed? Find(string tenantId) => _seeds.GetValueOrDefault(tenantId ?? "");

    /// <summary>Adds a tenant (at start-up from configuration; tests add more). Its bridge numbers must be its own.</summary>
    public void Add(TenantSeed seed)
    {
        if (string.IsNullOrWhiteSpace(seed.Id)) throw new ArgumentException("A tenant needs an id.", nameof(seed));
        var numbers = ConferenceEngine.BridgeNumbers(ConferenceEngine.BridgeOf(seed)).ToList();
        string? directoryId = null;
        if (seed.AadTenantId is not null
            && (directoryId = ConferenceEngine.NormalizeDirectoryId(seed.AadTenantId)) is null)
            throw new ArgumentException($"Tenant {seed.Id}: AadTenantId '{seed.AadTenantId}' is not a GUID.", nameof(seed));
        if (directoryId is not null && _tenantByDirectoryId.TryGetValue(directoryId, out var other))
            throw new ArgumentException($"Tenant {seed.Id}: AadTenantId {directoryId} is tenant {other}'s already.", nameof(seed));
        if (!_seeds.TryAdd(seed.Id, seed)) throw new ArgumentException($"Tenant {seed.Id} exists already.", nameof(seed));
        foreach (var n in numbers) _tenantByBridgeNumber[n] = seed.Id;
        if (directoryId is not null) _tenantByDirectoryId[directoryId] = seed.Id;
    }

    /// <summary>The tenant a Teams chat comes from, by its Microsoft Entra tenant id; null when this deployment does not serve it.</summary>
    public string? TenantOfDirectoryId(string? aadTenantId) =>
        ConferenceEngine.NormalizeDirectoryId(aadTenantId) is { } id && _tenantByDirectoryId.TryGetValue(id, out var tenantId) ? tenantId : null;

    /// <summary>The tenant whose bridge answers <paramref name="dialedNumber"/>, or the error a caller hears.</summary>
    public EngineResult<string> TenantOfBridgeNumber(string dialedNumber)
    {
        var key = ConferenceEngine.BridgeKey(dialedNumber);
        if (!key.IsSuccess) return key;
        return _tenantByBridgeNumber.TryGetValue(key.Value!, out var tenantId) ? tenantId : EngineError.NotABridgeNumber;
    }
}
