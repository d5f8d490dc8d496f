using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Api;

/// <summary>
/// The simulated phone network and the demo clock (local dev mode only; 404 otherwise): answer or hang up a
/// dialed phone, press keys on a phone leg, dial into the bridge and press keys, fast-forward time.
/// </summary>
public static class SimulationEndpoints
{
    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        var sim = api.MapGroup("/sim").AddEndpointFilter(LocalDevOnly);
        sim.MapPost("/calls/{legId}/answer", Answer);
        sim.MapPost("/calls/{legId}/phone-hangup", PhoneHangUp);
        sim.MapPost("/calls/{legId}/keys", Keys);
        sim.MapPost("/dialin", DialIn);
        sim.MapPost("/dialin/{sessionId}/digits", Digits);
        api.MapPost("/dev/clock/advance", AdvanceClock).AddEndpointFilter(LocalDevOnly);
        return api;
    }

    public static async ValueTask<object?> LocalDevOnly(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next) =>
        ctx.HttpContext.RequestServices.GetRequiredService<IOptions<MeetingBotOptions>>().Value.LocalDevMode
            ? await next(ctx)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CallLegView>, JsonHttpResult<ApiError>>> Answer(string legId, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return LegResult(await tenants.Ask(me.TenantId, new AnswerPhone(me.UserId, legId)));
    }

    private static async Task<Results<Ok<CallLegView>, JsonHttpResult<ApiError>>> PhoneHangUp(string legId, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return LegResult(await tenants.Ask(me.TenantId, new PhoneHangsUp(me.UserId, legId)));
    }

    /// <summary>
    /// Keys pressed on a connected phone (1 to stay, *6 mute, *1 minutes left): the answer is the leg after them, with what the
    /// phone heard in <c>prompts</c>. Unlike the bridge's digits, keys the leg cannot take are an HTTP error: the call goes on.
    /// </summary>
    private static async Task<Results<Ok<CallLegView>, JsonHttpResult<ApiError>>> Keys(string legId, SimKeysRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return LegResult(await tenants.Ask(me.TenantId, new PressKeys(me.UserId, legId, body.Keys ?? "")));
    }

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> LegResult(EngineResult<CallLegSnapshot> leg) =>
        leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);

    private static async Task<Results<Ok<DialInSessionView>, JsonHttpResult<ApiError>>> DialIn(SimDialInRequest body, ITenants tenants)
    {
        var session = await tenants.StartDialInAsync(body.DialedNumber ?? "", body.CallerNumber ?? "");
        return session.IsSuccess ? TypedResults.Ok(session.Value!.ToView()) : ApiErrors.From(session);
    }

    /// <summary>Wrong keys are part of a phone call, not an HTTP failure: the answer is the session with the bridge's next prompt.</summary>
    private static async Task<Results<Ok<DialInSessionView>, JsonHttpResult<ApiError>>> Digits(string sessionId, SimDigitsRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var step = await tenants.Ask(me.TenantId, new EnterDialInDigits(sessionId, body.Digits ?? ""));
        return step.Session is { } session ? TypedResults.Ok(session.ToView(step.Error)) : ApiErrors.From(EngineError.UnknownDialInSession);
    }

    private static async Task<Results<Ok<ClockView>, JsonHttpResult<ApiError>>> AdvanceClock(ClockAdvanceRequest body, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time, ITenants tenants, HttpContext http)
    {
        if (DemoTime.For(time, tenants, http.RequestServices.GetService<DemoTime>()) is not { } demo)
            return ApiErrors.Problem(StatusCodes.Status409Conflict, "ClockNotAdjustable", "This host runs on a clock that cannot be fast-forwarded.");
        var by = TimeSpan.FromMinutes(body.Minutes);
        if (body.Minutes < 1 || by > DemoClock.MaxAdvance)
            return ApiErrors.Invalid($"Minutes must be between 1 and {(int)DemoClock.MaxAdvance.TotalMinutes}.");
        return TypedResults.Ok(new ClockView(await demo.AdvanceAsync(by)));
    }
}
