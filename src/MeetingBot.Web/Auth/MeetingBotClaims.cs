namespace MeetingBot.Web.Auth;

/// <summary>Claim types the host issues at sign-in. The engine's ids travel in them; nothing else identifies a caller.</summary>
public static class MeetingBotClaims
{
    public const string UserId = "mb:user";
    public const string TenantId = "mb:tenant";
    public const string IsTenantAdmin = "mb:admin";
    /// <summary>The sign-in this cookie or token belongs to; signing out revokes it (<see cref="SessionRevocations"/>).</summary>
    public const string SessionId = "mb:sid";
}
