using Microsoft.AspNetCore.Authentication.BearerToken;

namespace MeetingBot.Web.Auth;

/// <summary>
/// Cookie sign-in for the browser, bearer tokens for .NET SignalR clients and scripts, and a policy scheme that
/// picks one per request. Both run on the real clock: the demo clock can jump weeks ahead, which must not sign
/// people out.
/// </summary>
public static class AuthenticationRegistration
{
    public static IServiceCollection AddMeetingBotAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie or bearer token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = "MeetingBot.Auth";
                o.Cookie.HttpOnly = true;
                // Strict keeps cross-site forms from riding on the cookie (the API has no anti-forgery tokens).
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.TimeProvider = TimeProvider.System;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken(AuthSchemes.Bearer, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(8);
                o.TimeProvider = TimeProvider.System;
                o.Events = new BearerTokenEvents
                {
                    // Browsers cannot set headers on WebSocket/SSE requests, so SignalR sends the token in the query.
                    OnMessageReceived = ctx =>
                    {
                        if (IsHubRequest(ctx.HttpContext.Request) && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                            ctx.Token = token.ToString();
                        return Task.CompletedTask;
                    },
                };
            });
        // After the bearer scheme's own set-up has made its Data Protection ticket format.
        services.AddOptions<BearerTokenOptions>(AuthSchemes.Bearer)
            .PostConfigure(o => o.BearerTokenProtector = new CachingTicketProtector(o.BearerTokenProtector, TimeProvider.System));
        // The real clock, as for the tickets themselves.
        services.AddSingleton(sp => new SessionRevocations(sp.GetRequiredService<Microsoft.Bot.Builder.IStorage>(), TimeProvider.System,
            sp.GetRequiredService<ILogger<SessionRevocations>>()));
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.TenantAdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(MeetingBotClaims.IsTenantAdmin, "true"));
        return services;
    }

    /// <summary>
    /// After authentication: a cookie or token of a signed-out session (or from before sessions were tracked) counts
    /// as no sign-in at all, so protected routes answer 401.
    /// </summary>
    public static IApplicationBuilder UseSignedOutSessionsRefused(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && (context.User.FindFirst(MeetingBotClaims.SessionId)?.Value is not { Length: > 0 } sessionId
                    || await context.RequestServices.GetRequiredService<SessionRevocations>().IsRevokedAsync(sessionId, context.RequestAborted)))
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            await next(context);
        });

    private static string SelectScheme(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthSchemes.Bearer;
        if (IsHubRequest(request) && request.Query.ContainsKey("access_token")) return AuthSchemes.Bearer;
        return AuthSchemes.Cookie;
    }

    private static bool IsHubRequest(HttpRequest request) => request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
}
