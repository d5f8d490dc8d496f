using System.Security.Claims;

namespace MeetingBot.Web.Auth;

/// <summary>The signed-in caller, read from the authenticated principal (never from a body or query string).</summary>
public sealed record CurrentUser(string TenantId, string UserId, bool IsTenantAdmin)
{
    /// <summary>The caller of an endpoint or hub method that requires authorization; throws if the claims are missing.</summary>
    public static CurrentUser From(ClaimsPrincipal? principal) =>
        TryFrom(principal) ?? throw new InvalidOperationException("The caller is not signed in with MeetingBot claims.");

    public static CurrentUser? TryFrom(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirstValue(MeetingBotClaims.UserId);
        var tenantId = principal?.FindFirstValue(MeetingBotClaims.TenantId);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(tenantId)) return null;
        return new CurrentUser(tenantId, userId, principal!.HasClaim(MeetingBotClaims.IsTenantAdmin, "true"));
    }

    public ClaimsPrincipal ToPrincipal(string displayName, string authenticationType, string sessionId)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"{TenantId}:{UserId}"),
            new Claim(ClaimTypes.Name, displayName),
            new Claim(MeetingBotClaims.UserId, UserId),
            new Claim(MeetingBotClaims.TenantId, TenantId),
            new Claim(MeetingBotClaims.IsTenantAdmin, IsTenantAdmin ? "true" : "false"),
            new Claim(MeetingBotClaims.SessionId, sessionId),
        ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
