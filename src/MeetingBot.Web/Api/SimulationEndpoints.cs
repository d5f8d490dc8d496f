using MeetingBot.Engine;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Api;

/// <summary>
/// The simulated phone network and the demo clock (local dev mode only; 404 otherwise): answer or hang up a
/// dialed phone, dial into the bridge and press keys, fast-forward time.
/// </summary>
public static class SimulationEndpoints
{
    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        var sim = api.MapGroup("/sim").AddEndpointFilter(LocalDevOnly);
        sim.MapPost("/calls/{legId}/answer", Answer);
        sim.MapPost("/calls/{legId}/phone-hangup", PhoneHangUp);
        sim.MapPost("/dialin", DialIn);
        sim.MapPost("/dialin/{sessionId}/digits", Digits);
        api.MapPost("/dev/clock/advance", AdvanceClock).AddEndpointFilter(LocalDevOnly);
        return api;
    }

    public static async ValueTask<object?> LocalDevOnly(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next) =>
        ctx.HttpContext.RequestServices.GetRequiredService<IOptions<MeetingBotOptions>>().Value.LocalDevMode
            ? await next(ctx)
            : TypedResults.NotFound();

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> Answer(string legId, HttpContext http, ConferenceEngine engine) =>
        OnOwnTenantLeg(legId, http, engine, engine.AnswerPhone);

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> PhoneHangUp(string legId, HttpContext http, ConferenceEngine engine) =>
        OnOwnTenantLeg(legId, http, engine, engine.PhoneHangsUp);

    /// <summary>Leg ids are global in the engine; a caller may only touch legs of their own tenant.</summary>
    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> OnOwnTenantLeg(string legId, HttpContext http, ConferenceEngine engine,
        Func<string, EngineResult<MeetingBot.Engine.Calling.CallLeg>> action)
    {
        var me = CurrentUser.From(http.User);
        var existing = engine.GetLeg(me.TenantId, legId);
        if (!existing.IsSuccess) return ApiErrors.From(existing);
        var leg = action(legId);
        return leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);
    }

    private static Results<Ok<DialInSessionView>, JsonHttpResult<ApiError>> DialIn(SimDialInRequest body, ConferenceEngine engine)
    {
        var session = engine.StartDialIn(body.DialedNumber ?? "", body.CallerNumber ?? "");
        return session.IsSuccess ? TypedResults.Ok(session.Value!.ToView()) : ApiErrors.From(session);
    }

    /// <summary>Wrong keys are part of a phone call, not an HTTP failure: the answer is the session with the bridge's next prompt.</summary>
    private static Results<Ok<DialInSessionView>, JsonHttpResult<ApiError>> Digits(string sessionId, SimDigitsRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var session = engine.GetDialIn(sessionId);
        if (!session.IsSuccess || !string.Equals(session.Value!.TenantId, me.TenantId, StringComparison.OrdinalIgnoreCase))
            return ApiErrors.From(EngineError.UnknownDialInSession);
        var result = engine.EnterDialInDigits(sessionId, body.Digits ?? "");
        return TypedResults.Ok(session.Value.ToView(result.Error));
    }

    private static Results<Ok<ClockView>, JsonHttpResult<ApiError>> AdvanceClock(ClockAdvanceRequest body, TimeProvider time, ConferenceEngine engine)
    {
        if (time is not DemoClock clock)
            return TypedResults.Json(new ApiError("ClockNotAdjustable", "This host runs on a clock that cannot be fast-forwarded."), statusCode: StatusCodes.Status409Conflict);
        var by = TimeSpan.FromMinutes(body.Minutes);
        if (body.Minutes < 1 || by > DemoClock.MaxAdvance)
            return ApiErrors.Invalid($"Minutes must be between 1 and {(int)DemoClock.MaxAdvance.TotalMinutes}.");
        clock.Advance(by);
        engine.Tick();
        return TypedResults.Ok(new ClockView(clock.GetUtcNow()));
    }
}
