namespace MeetingBot.Web.Api.Contracts;

/// <param name="LicenseHistory">Every license the user holds or held, oldest first: what past months' minute pools are computed from.</param>
public sealed record AdminUserView(string Id, string DisplayName, string Upn, string Country, bool IsTenantAdmin,
    IReadOnlyList<string> Licenses, string DialOutPermission, IReadOnlyList<string> Capabilities, string? AadObjectId,
    IReadOnlyList<LicenseHistoryView> LicenseHistory);

/// <param name="AssignedAt">Null for a license stored before assignment dates were kept (counted as held all along).</param>
/// <param name="UnassignedAt">Null while the license is assigned.</param>
public sealed record LicenseHistoryView(string Sku, DateTimeOffset? AssignedAt, DateTimeOffset? UnassignedAt);
