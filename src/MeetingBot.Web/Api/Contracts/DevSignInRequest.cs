namespace MeetingBot.Web.Api.Contracts;

/// <param name="TenantId">Defaults to the demo tenant "contoso".</param>
public sealed record DevSignInRequest(string? UserId, string? TenantId);
