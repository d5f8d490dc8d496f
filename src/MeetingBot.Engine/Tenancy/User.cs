using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Tenancy;

/// <summary>A person in a tenant. Mutable only through <see cref="ConferenceEngine"/>, under the tenant's lock.</summary>
public sealed class User
{
    private readonly HashSet<LicenseSku> _licenses = [];

    internal User(string id, string displayName, string upn, string country, bool isTenantAdmin)
    {
        Id = id;
        DisplayName = displayName;
        Upn = upn;
        Country = country.ToUpperInvariant();
        IsTenantAdmin = isTenantAdmin;
    }

    public string Id { get; }
    public string DisplayName { get; }
    public string Upn { get; }
    /// <summary>Usage location, ISO 3166 alpha-2.</summary>
    public string Country { get; }
    public bool IsTenantAdmin { get; }
    public DialOutPermission DialOutPermission { get; internal set; }
    public string? OrganizerPin { get; internal set; }
    public IReadOnlyCollection<LicenseSku> Licenses => _licenses;

    public Capability Capabilities =>
        _licenses.Aggregate(Capability.None, (caps, sku) => caps | SkuCatalog.Get(sku).Capabilities);

    public bool Has(Capability capability) => (Capabilities & capability) == capability;

    internal bool AddLicense(LicenseSku sku) => _licenses.Add(sku);
    internal bool RemoveLicense(LicenseSku sku) => _licenses.Remove(sku);
}
