namespace MeetingBot.Web.Api.Contracts;

/// <param name="Sku">A LicenseSku name, its display name or short name (e.g. MCOMEETADD).</param>
public sealed record AssignLicenseRequest(string? Sku);
