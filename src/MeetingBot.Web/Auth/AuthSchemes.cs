namespace MeetingBot.Web.Auth;

/// <summary>Authentication scheme and policy names.</summary>
public static class AuthSchemes
{
    /// <summary>The default: forwards to <see cref="Bearer"/> or <see cref="Cookie"/> per request.</summary>
    public const string Smart = "MeetingBot";
    public const string Cookie = "MeetingBot.Cookie";
    public const string Bearer = "MeetingBot.Bearer";
    public const string TenantAdminPolicy = "TenantAdmin";
}
