using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Auth;

/// <summary>
/// The local dev sign-in (pick a demo user, no password) and /api/me. Off unless MeetingBot:LocalDevMode is true:
/// then /api/dev/* answers 404 and a real identity provider would be wired in its place.
/// </summary>
public static class SignInEndpoints
{
    public const string DefaultTenantId = "contoso";

    public static RouteGroupBuilder MapSignInEndpoints(this RouteGroupBuilder api)
    {
        var dev = api.MapGroup("/dev").AddEndpointFilter(SimulationEndpoints.LocalDevOnly);
        dev.MapPost("/signin", SignIn).AllowAnonymous();
        dev.MapPost("/signout", (Delegate)SignOut).AllowAnonymous();
        dev.MapGet("/users", DemoUsers).AllowAnonymous();
        api.MapGet("/me", Me).RequireAuthorization();
        return api;
    }

    private static async Task<Results<Ok<SignedInUserView>, JsonHttpResult<ApiError>>> SignIn(DevSignInRequest body, HttpContext http,
        ITenants tenants, AccessTokenIssuer tokens)
    {
        var tenantId = string.IsNullOrWhiteSpace(body.TenantId) ? DefaultTenantId : body.TenantId.Trim();
        var user = await tenants.Ask(tenantId, new GetUser(body.UserId?.Trim() ?? ""));
        if (!user.IsSuccess) return ApiErrors.From(user);
        var u = user.Value!;
        var principal = new CurrentUser(tenantId, u.Id, u.IsTenantAdmin).ToPrincipal(u.DisplayName, AuthSchemes.Cookie, SessionRevocations.NewSessionId());
        await http.SignInAsync(AuthSchemes.Cookie, principal);
        return TypedResults.Ok(new SignedInUserView(u.Id, tenantId, u.DisplayName, u.IsTenantAdmin, tokens.Issue(principal)));
    }

    /// <summary>Ends the caller's session — its cookie and its bearer token, on every host — and deletes the cookie.</summary>
    private static async Task<NoContent> SignOut(HttpContext http, SessionRevocations sessions)
    {
        if (http.User.FindFirst(MeetingBotClaims.SessionId)?.Value is { Length: > 0 } sessionId)
            await sessions.RevokeAsync(sessionId, http.User.FindFirst(MeetingBotClaims.UserId)?.Value ?? "", http.RequestAborted);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DemoUserView>>> DemoUsers(ITenants tenants) =>
        TypedResults.Ok((await tenants.Ask(DefaultTenantId, new ListUsers()))
            .Select(u => new DemoUserView(u.Id, u.DisplayName, u.IsTenantAdmin, u.Has(Capability.MCOMEETADD))).ToList());

    private static async Task<Results<Ok<MeView>, JsonHttpResult<ApiError>>> Me(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var user = await tenants.Ask(me.TenantId, new GetUser(me.UserId));
        if (!user.IsSuccess) return ApiErrors.From(user);
        var u = user.Value!;
        return TypedResults.Ok(new MeView(u.Id, me.TenantId, u.DisplayName, u.IsTenantAdmin, u.Has(Capability.MCOMEETADD), u.Has(Capability.MCOPSTNPP), u.DialOutPermission.ToString()));
    }
}
