using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine.Snapshots;

/// <summary>A user as they were inside their tenant's turn (see <see cref="User"/>).</summary>
public sealed record UserSnapshot(
    string Id,
    string DisplayName,
    string Upn,
    string Country,
    bool IsTenantAdmin,
    DialOutPermission DialOutPermission,
    string? OrganizerPin,
    IReadOnlyList<LicenseSku> Licenses,
    string? AadObjectId = null,
    IReadOnlyList<LicenseSpan>? LicenseHistory = null)
{
    public Capability Capabilities =>
        Licenses.Aggregate(Capability.None, (caps, sku) => caps | SkuCatalog.Get(sku).Capabilities);

    public bool Has(Capability capability) => (Capabilities & capability) == capability;

    public static UserSnapshot Of(User u) =>
        new(u.Id, u.DisplayName, u.Upn, u.Country, u.IsTenantAdmin, u.DialOutPermission, u.OrganizerPin, u.Licenses.Order().ToArray(), u.AadObjectId,
            u.LicenseHistory.ToArray());
}
