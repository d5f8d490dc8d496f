using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>/api/meetings and /api/calls: what the web client's pre-join screen and meeting window call.</summary>
public static class MeetingEndpoints
{
    private const int DefaultDurationMinutes = 30;

    public static RouteGroupBuilder MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings");
        meetings.MapGet("/", ListMine);
        meetings.MapPost("/", Create);
        meetings.MapGet("/{id}", Get);
        meetings.MapPost("/{id}/join", Join);
        meetings.MapPost("/{id}/phone/preview", Preview);
        meetings.MapPost("/{id}/callme", CallMe).RequireRateLimiting(DialOutRateLimit.Policy);
        meetings.MapPost("/{id}/participants/phone", AddByPhone).RequireRateLimiting(DialOutRateLimit.Policy);
        meetings.MapPost("/{id}/leave", Leave);
        meetings.MapPost("/{id}/end", End);
        meetings.MapPut("/{id}/lobby", SetLobby);
        api.MapPost("/calls/{legId}/hangup", HangUp);
        return api;
    }

    private static Ok<List<MeetingSummaryView>> ListMine(HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        return TypedResults.Ok(engine.ListMeetings(me.TenantId, me.UserId).Select(m => m.ToSummary(me.UserId)).ToList());
    }

    private static Results<Created<MeetingView>, JsonHttpResult<ApiError>> Create(CreateMeetingRequest body, HttpContext http, ConferenceEngine engine, TimeProvider time)
    {
        var me = CurrentUser.From(http.User);
        var minutes = body.DurationMinutes ?? DefaultDurationMinutes;
        if (minutes is < 1 or > 24 * 60) return ApiErrors.From(EngineError.InvalidSchedule);
        var start = body.Start ?? time.GetUtcNow();
        var result = engine.ScheduleMeeting(me.TenantId, me.UserId, body.Subject ?? "", start, start.AddMinutes(minutes));
        if (!result.IsSuccess) return ApiErrors.From(result);
        return TypedResults.Created($"/api/meetings/{Uri.EscapeDataString(result.Value!.Id)}", result.Value.ToView(engine, me.UserId));
    }

    private static Results<Ok<MeetingView>, JsonHttpResult<ApiError>> Get(string id, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var meeting = engine.GetMeeting(me.TenantId, id);
        return meeting.IsSuccess ? TypedResults.Ok(meeting.Value!.ToView(engine, me.UserId)) : ApiErrors.From(meeting);
    }

    private static Results<Ok<ParticipantView>, JsonHttpResult<ApiError>> Join(string id, JoinMeetingRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        AudioMode? audio = body.Audio?.Trim().ToLowerInvariant() switch
        {
            "computer" => AudioMode.ComputerAudio,
            "none" => AudioMode.NoAudio,
            _ => null,
        };
        if (audio is null) return ApiErrors.Invalid("Audio must be \"computer\" or \"none\". For phone audio use Call me.");
        var joined = engine.JoinMeeting(me.TenantId, me.UserId, id, audio.Value);
        return joined.IsSuccess ? TypedResults.Ok(joined.Value!.ToView()) : ApiErrors.From(joined);
    }

    private static Results<Ok<PhonePreviewView>, JsonHttpResult<ApiError>> Preview(string id, PhoneNumberRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var number = engine.PreviewNumber(me.TenantId, id, body.Number ?? "");
        return number.IsSuccess ? TypedResults.Ok(number.Value!.ToView()) : ApiErrors.From(number);
    }

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> CallMe(string id, PhoneNumberRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var leg = engine.CallMe(me.TenantId, me.UserId, id, body.Number ?? "");
        return leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);
    }

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> AddByPhone(string id, PhoneNumberRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var leg = engine.AddParticipantByPhone(me.TenantId, me.UserId, id, body.Number ?? "");
        return leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);
    }

    private static Results<Ok<LeaveMeetingView>, JsonHttpResult<ApiError>> Leave(string id, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var left = engine.LeaveMeeting(me.TenantId, me.UserId, id);
        if (!left.IsSuccess) return ApiErrors.From(left);
        var stillUp = left.Value!.Select(l => l.ToView()).ToList();
        return TypedResults.Ok(new LeaveMeetingView(stillUp, stillUp.Count > 0 ? EngineMessages.HangUpBothEnds : null));
    }

    private static Results<Ok<MeetingView>, JsonHttpResult<ApiError>> End(string id, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var ended = engine.EndMeeting(me.TenantId, me.UserId, id);
        return ended.IsSuccess ? TypedResults.Ok(ended.Value!.ToView(engine, me.UserId)) : ApiErrors.From(ended);
    }

    private static Results<Ok<MeetingView>, JsonHttpResult<ApiError>> SetLobby(string id, LobbyRequest body, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        if (!EnumNames.TryParse<LobbyBypass>(body.Bypass, out var bypass))
            return ApiErrors.Invalid($"Bypass must be one of {EnumNames.List<LobbyBypass>()}.");
        var updated = engine.SetLobby(me.TenantId, me.UserId, id, new LobbySettings(bypass, body.DialInCallersBypass));
        return updated.IsSuccess ? TypedResults.Ok(updated.Value!.ToView(engine, me.UserId)) : ApiErrors.From(updated);
    }

    private static Results<Ok<CallLegView>, JsonHttpResult<ApiError>> HangUp(string legId, HttpContext http, ConferenceEngine engine)
    {
        var me = CurrentUser.From(http.User);
        var leg = engine.HangUp(me.TenantId, me.UserId, legId);
        return leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);
    }
}
