using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>
/// /api/admin: what the Teams admin center and the Microsoft 365 billing page do in the seed. The group requires
/// the tenant-admin policy (403 otherwise); the engine checks the admin again on every command.
/// </summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(AuthSchemes.TenantAdminPolicy);
        admin.MapGet("/users", Users);
        admin.MapPost("/users/{id}/licenses", Assign);
        admin.MapDelete("/users/{id}/licenses/{sku}", Unassign);
        admin.MapPut("/users/{id}/dialout", SetDialOut);
        admin.MapPut("/users/{id}/directory", SetDirectoryId);
        admin.MapGet("/subscriptions", Subscriptions);
        admin.MapGet("/credits", Credits);
        admin.MapPost("/credits/funds", AddFunds);
        admin.MapPut("/credits/autorecharge", SetAutoRecharge);
        admin.MapGet("/orphan-policy", OrphanPolicy);
        admin.MapPut("/orphan-policy", SetOrphanPolicy);
        admin.MapGet("/forecast", Forecast);
        admin.MapGuardrailAdminEndpoints();
        admin.MapGet("/audit", Audit);
        admin.MapGet("/cluster", Cluster);
        admin.MapReportEndpoints();
        return api;
    }

    private static async Task<Ok<ClusterView>> Cluster(HttpContext http, ITenants tenants) =>
        TypedResults.Ok(new ClusterView(HostIdentity.Current, await tenants.Ask(CurrentUser.From(http.User).TenantId, new GetTenantHost())));

    private static async Task<Ok<List<AdminUserView>>> Users(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return TypedResults.Ok((await tenants.Ask(me.TenantId, new ListUsers())).Select(u => u.ToAdminView()).ToList());
    }

    private static async Task<Results<Ok<AdminUserView>, JsonHttpResult<ApiError>>> Assign(string id, AssignLicenseRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        if (body.Sku is null || !SkuCatalog.TryParse(body.Sku, out var sku)) return UnknownSku();
        var user = await tenants.Ask(me.TenantId, new AssignLicense(me.UserId, id, sku));
        return user.IsSuccess ? TypedResults.Ok(user.Value!.ToAdminView()) : ApiErrors.From(user);
    }

    private static async Task<Results<Ok<AdminUserView>, JsonHttpResult<ApiError>>> Unassign(string id, string sku, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        if (!SkuCatalog.TryParse(sku, out var parsed)) return UnknownSku();
        var user = await tenants.Ask(me.TenantId, new UnassignLicense(me.UserId, id, parsed));
        return user.IsSuccess ? TypedResults.Ok(user.Value!.ToAdminView()) : ApiErrors.From(user);
    }

    private static async Task<Results<Ok<AdminUserView>, JsonHttpResult<ApiError>>> SetDialOut(string id, DialOutPermissionRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        if (!EnumNames.TryParse<DialOutPermission>(body.Permission, out var permission))
            return ApiErrors.Invalid($"Permission must be one of {EnumNames.List<DialOutPermission>()}.");
        var user = await tenants.Ask(me.TenantId, new SetDialOutPermission(me.UserId, id, permission));
        return user.IsSuccess ? TypedResults.Ok(user.Value!.ToAdminView()) : ApiErrors.From(user);
    }

    private static async Task<Results<Ok<AdminUserView>, JsonHttpResult<ApiError>>> SetDirectoryId(string id, DirectoryIdRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var user = await tenants.Ask(me.TenantId, new SetDirectoryId(me.UserId, id, body.AadObjectId ?? ""));
        return user.IsSuccess ? TypedResults.Ok(user.Value!.ToAdminView()) : ApiErrors.From(user);
    }

    private static async Task<Results<Ok<List<SubscriptionView>>, JsonHttpResult<ApiError>>> Subscriptions(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var subs = await tenants.Ask(me.TenantId, new GetSubscriptions());
        if (!subs.IsSuccess) return ApiErrors.From(subs);
        return TypedResults.Ok(subs.Value!.Select(s => new SubscriptionView(s.Sku.ToString(), SkuCatalog.Get(s.Sku).DisplayName, SkuCatalog.ShortName(s.Sku), s.Purchased, s.Assigned)).ToList());
    }

    private static async Task<Results<Ok<CreditsView>, JsonHttpResult<ApiError>>> Credits(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var tenant = await tenants.Ask(me.TenantId, new GetTenant());
        return tenant.IsSuccess ? TypedResults.Ok(tenant.Value!.ToCreditsView()) : ApiErrors.From(tenant);
    }

    private static async Task<Results<Ok<BalanceView>, JsonHttpResult<ApiError>>> AddFunds(AddFundsRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var balance = await tenants.Ask(me.TenantId, new AddFunds(me.UserId, body.Amount));
        return balance.IsSuccess ? TypedResults.Ok(new BalanceView(balance.Value, tenants.Catalog.Find(me.TenantId)!.Currency)) : ApiErrors.From(balance);
    }

    private static async Task<Results<Ok<AutoRechargeView>, JsonHttpResult<ApiError>>> SetAutoRecharge(AutoRechargeRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var settings = await tenants.Ask(me.TenantId, new SetAutoRecharge(me.UserId, body.Enabled, body.Threshold, body.Amount));
        return settings.IsSuccess ? TypedResults.Ok(settings.Value!.ToView()) : ApiErrors.From(settings);
    }

    private static async Task<Ok<OrphanedLegPolicyView>> OrphanPolicy(HttpContext http, ITenants tenants, EngineOptions options) =>
        TypedResults.Ok(ToView(await tenants.Ask(CurrentUser.From(http.User).TenantId, new GetOrphanedLegPolicy()), options));

    private static async Task<Results<Ok<OrphanedLegPolicyView>, JsonHttpResult<ApiError>>> SetOrphanPolicy(OrphanedLegPolicyRequest body, HttpContext http, ITenants tenants, EngineOptions options)
    {
        var me = CurrentUser.From(http.User);
        if (!EnumNames.TryParse<OrphanedLegAction>(body.Policy, out var action))
            return ApiErrors.Invalid($"Policy must be one of {EnumNames.List<OrphanedLegAction>()}.");
        var policy = await tenants.Ask(me.TenantId, new SetOrphanedLegPolicy(me.UserId, action, body.EndAfterMinutes));
        return policy.IsSuccess ? TypedResults.Ok(ToView(policy.Value!, options)) : ApiErrors.From(policy);
    }

    private static OrphanedLegPolicyView ToView(OrphanedLegPolicy p, EngineOptions options) =>
        new(p.Action.ToString(), p.Action == OrphanedLegAction.End ? p.EndAfterMinutes : null,
            (int)options.OrphanedLegAnswerTimeout.TotalSeconds, options.EndOrphanedLegsAfter?.TotalMinutes);

    /// <summary>The money forecast: credits expiring within 30/60/90 days, this month's burn rates, the run-out days.</summary>
    private static async Task<Results<Ok<ForecastView>, JsonHttpResult<ApiError>>> Forecast(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var forecast = await tenants.Ask(me.TenantId, new GetMoneyForecast(me.UserId));
        return forecast.IsSuccess ? TypedResults.Ok(forecast.Value!.ToView()) : ApiErrors.From(forecast);
    }

    /// <summary>Newest first; <c>max</c> 1–5000 (default 500).</summary>
    private static async Task<Results<Ok<List<AuditEntryView>>, JsonHttpResult<ApiError>>> Audit(string? max, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var count = 500;
        if (!string.IsNullOrEmpty(max) && (!int.TryParse(max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 5000))
            return ApiErrors.Invalid("max must be a whole number from 1 to 5000.");
        var log = await tenants.Ask(me.TenantId, new GetAuditLog(me.UserId, count));
        return log.IsSuccess
            ? TypedResults.Ok(log.Value!.Select(e => new AuditEntryView(e.At, e.ActorId, e.Action, e.Target, e.Outcome)).ToList())
            : ApiErrors.From(log);
    }

    private static JsonHttpResult<ApiError> UnknownSku() =>
        ApiErrors.Invalid($"Unknown license. Use one of {EnumNames.List<LicenseSku>()} (or MCOMEETADD, MCOPSTNPP, MCOPSTN1, MCOPSTN2).");
}
