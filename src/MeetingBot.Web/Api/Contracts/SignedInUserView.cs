namespace MeetingBot.Web.Api.Contracts;

/// <param name="AccessToken">Bearer token for scripts and .NET SignalR clients (AccessTokenProvider).</param>
public sealed record SignedInUserView(string UserId, string TenantId, string DisplayName, bool IsTenantAdmin, string AccessToken);
