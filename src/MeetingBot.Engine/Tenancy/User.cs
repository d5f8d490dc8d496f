using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Tenancy;

/// <summary>A person in a tenant. Mutable only through <see cref="ConferenceEngine"/>, under the tenant's lock.</summary>
public sealed class User
{
    private readonly HashSet<LicenseSku> _licenses = [];
    private OrganizerFunding? _funding;

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
    /// <summary>The Microsoft Entra object id Teams identifies this person by (lowercase GUID), or null while unmapped.</summary>
    public string? AadObjectId { get; internal set; }
    public IReadOnlyCollection<LicenseSku> Licenses => _licenses;

    public Capability Capabilities =>
        _licenses.Aggregate(Capability.None, (caps, sku) => caps | SkuCatalog.Get(sku).Capabilities);

    public bool Has(Capability capability) => (Capabilities & capability) == capability;

    /// <summary>What this user's licenses allow an organizer to pay with; asked on every paid minute, so kept until a license changes.</summary>
    public OrganizerFunding Funding => _funding ??= OrganizerFunding.Of(_licenses);

    internal bool AddLicense(LicenseSku sku)
    {
        _funding = null;
        return _licenses.Add(sku);
    }

    internal bool RemoveLicense(LicenseSku sku)
    {
        _funding = null;
        return _licenses.Remove(sku);
    }
}
