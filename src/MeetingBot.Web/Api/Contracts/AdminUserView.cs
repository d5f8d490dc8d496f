namespace MeetingBot.Web.Api.Contracts;

public sealed record AdminUserView(string Id, string DisplayName, string Upn, string Country, bool IsTenantAdmin,
    IReadOnlyList<string> Licenses, string DialOutPermission, IReadOnlyList<string> Capabilities, string? AadObjectId);
