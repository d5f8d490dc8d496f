using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>
/// Toll-fraud guardrails (beyond Teams): the admin's settings and users' budgets under /api/admin, and the dial-outs
/// held for approval under /api/approvals (the organizer approves or denies; the requester sees their own).
/// </summary>
public static class GuardrailEndpoints
{
    /// <summary>Routes of the admin group (tenant admins only).</summary>
    public static RouteGroupBuilder MapGuardrailAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/guardrails", Guardrails);
        admin.MapPut("/guardrails", SetGuardrails);
        admin.MapPut("/users/{id}/budget", SetBudget);
        admin.MapDelete("/users/{id}/budget", ResetBudget);
        return admin;
    }

    public static RouteGroupBuilder MapApprovalEndpoints(this RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals");
        approvals.MapGet("/", List);
        approvals.MapPost("/{id}/approve", Approve);
        approvals.MapPost("/{id}/deny", Deny);
        return api;
    }

    private static async Task<Results<Ok<GuardrailsView>, JsonHttpResult<ApiError>>> Guardrails(HttpContext http, ITenants tenants) =>
        await ViewAsync(tenants, CurrentUser.From(http.User), null);

    private static async Task<Results<Ok<GuardrailsView>, JsonHttpResult<ApiError>>> SetGuardrails(GuardrailsRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var set = await tenants.Ask(me.TenantId, new SetGuardrails(me.UserId, body.DefaultMinutesPerMonth, body.DefaultMoneyPerMonth,
            body.ApprovalOutsideZoneA, body.ApprovalAboveRatePerMinute, body.ApprovalExpiryMinutes ?? TollFraudGuardrails.DefaultApprovalExpiryMinutes));
        return set.IsSuccess ? await ViewAsync(tenants, me, set.Value) : ApiErrors.From(set);
    }

    private static async Task<Results<Ok<UserBudgetView>, JsonHttpResult<ApiError>>> SetBudget(string id, UserBudgetRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var set = await tenants.Ask(me.TenantId, new SetUserBudget(me.UserId, id, body.MinutesPerMonth, body.MoneyPerMonth));
        return set.IsSuccess ? TypedResults.Ok(set.Value!.ToView()) : ApiErrors.From(set);
    }

    private static async Task<Results<Ok<UserBudgetView>, JsonHttpResult<ApiError>>> ResetBudget(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var set = await tenants.Ask(me.TenantId, new SetUserBudget(me.UserId, id, null, null, UseDefault: true));
        return set.IsSuccess ? TypedResults.Ok(set.Value!.ToView()) : ApiErrors.From(set);
    }

    private static async Task<Results<Ok<GuardrailsView>, JsonHttpResult<ApiError>>> ViewAsync(ITenants tenants, CurrentUser me, TollFraudGuardrails? known)
    {
        var g = known ?? await tenants.Ask(me.TenantId, new GetGuardrails());
        var budgets = await tenants.Ask(me.TenantId, new GetBudgets(me.UserId));
        if (!budgets.IsSuccess) return ApiErrors.From(budgets);
        var month = budgets.Value!.Count > 0 ? budgets.Value[0].Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "";
        return TypedResults.Ok(new GuardrailsView(g.DefaultBudget.MinutesPerMonth, g.DefaultBudget.MoneyPerMonth, g.ApprovalOutsideZoneA, g.ApprovalAboveRatePerMinute,
            g.ApprovalExpiryMinutes, tenants.Catalog.Find(me.TenantId)?.Currency ?? "", month,
            budgets.Value.Select(b => b.ToView()).ToList()));
    }

    /// <summary>Pending first, then newest: those I asked for and those I am to decide as the organizer.</summary>
    private static async Task<Results<Ok<List<ApprovalView>>, JsonHttpResult<ApiError>>> List(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var list = await tenants.Ask(me.TenantId, new ListApprovals(me.UserId));
        return list.IsSuccess ? TypedResults.Ok(list.Value!.Select(a => a.ToView()).ToList()) : ApiErrors.From(list);
    }

    private static Task<Results<Ok<ApprovalView>, JsonHttpResult<ApiError>>> Approve(string id, HttpContext http, ITenants tenants) => DecideAsync(id, true, http, tenants);

    private static Task<Results<Ok<ApprovalView>, JsonHttpResult<ApiError>>> Deny(string id, HttpContext http, ITenants tenants) => DecideAsync(id, false, http, tenants);

    private static async Task<Results<Ok<ApprovalView>, JsonHttpResult<ApiError>>> DecideAsync(string id, bool approve, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var decided = await tenants.Ask(me.TenantId, new DecideApproval(me.UserId, id, approve));
        return decided.IsSuccess ? TypedResults.Ok(decided.Value!.ToView()) : ApiErrors.From(decided);
    }

    /// <summary>
    /// The dial-out routes' answer when the guardrails held the call: 202 with the pending approval (the newest of the
    /// caller's for that meeting and number), so the client can show it and wait for the organizer.
    /// </summary>
    public static async Task<Accepted<ApprovalView>?> HeldAsync(ITenants tenants, CurrentUser me, string meetingId)
    {
        var mine = await tenants.Ask(me.TenantId, new ListApprovals(me.UserId));
        var held = mine.Value?.FirstOrDefault(a => a.IsPending && a.MeetingId == meetingId && string.Equals(a.RequesterId, me.UserId, StringComparison.OrdinalIgnoreCase));
        return held is null ? null : TypedResults.Accepted($"/api/approvals/{held.Id}", held.ToView());
    }
}
