using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Snapshots;
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

    private static async Task<Ok<List<MeetingSummaryView>>> ListMine(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return TypedResults.Ok((await tenants.Ask(me.TenantId, new ListMeetings(me.UserId))).Select(m => m.ToSummary(me.UserId)).ToList());
    }

    private static async Task<Results<Ok<MeetingView>, JsonHttpResult<ApiError>>> ViewAsync(ITenants tenants, CurrentUser me, string id)
    {
        var details = await tenants.Ask(me.TenantId, new GetMeetingDetails(id));
        return details.IsSuccess ? TypedResults.Ok(details.Value!.ToView(me.UserId)) : ApiErrors.From(details);
    }

    private static async Task<Results<Created<MeetingView>, JsonHttpResult<ApiError>>> Create(CreateMeetingRequest body, HttpContext http, ITenants tenants, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time)
    {
        var me = CurrentUser.From(http.User);
        var minutes = body.DurationMinutes ?? DefaultDurationMinutes;
        if (minutes is < 1 or > 24 * 60) return ApiErrors.From(EngineError.InvalidSchedule);
        var start = body.Start ?? time.GetUtcNow();
        // The engine decides which starts are allowed; this only keeps start + duration a representable instant.
        if (start.UtcDateTime > DateTime.MaxValue.AddDays(-1)) return ApiErrors.From(EngineError.InvalidSchedule);
        var result = await tenants.Ask(me.TenantId, new ScheduleMeeting(me.UserId, body.Subject ?? "", start, start.AddMinutes(minutes)));
        if (!result.IsSuccess) return ApiErrors.From(result);
        var details = await tenants.Ask(me.TenantId, new GetMeetingDetails(result.Value!.Id));
        return TypedResults.Created($"/api/meetings/{Uri.EscapeDataString(result.Value.Id)}", details.Value!.ToView(me.UserId));
    }

    private static async Task<Results<Ok<MeetingView>, JsonHttpResult<ApiError>>> Get(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var meeting = await tenants.Ask(me.TenantId, new GetMeetingDetails(id));
        return meeting.IsSuccess ? TypedResults.Ok(meeting.Value!.ToView(me.UserId)) : ApiErrors.From(meeting);
    }

    private static async Task<Results<Ok<ParticipantView>, JsonHttpResult<ApiError>>> Join(string id, JoinMeetingRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        AudioMode? audio = body.Audio?.Trim().ToLowerInvariant() switch
        {
            "computer" => AudioMode.ComputerAudio,
            "none" => AudioMode.NoAudio,
            _ => null,
        };
        if (audio is null) return ApiErrors.Invalid("Audio must be \"computer\" or \"none\". For phone audio use Call me.");
        var joined = await tenants.Ask(me.TenantId, new JoinMeeting(me.UserId, id, audio.Value));
        return joined.IsSuccess ? TypedResults.Ok(joined.Value!.ToView()) : ApiErrors.From(joined);
    }

    private static async Task<Results<Ok<PhonePreviewView>, JsonHttpResult<ApiError>>> Preview(string id, PhoneNumberRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        CallLegKind? kind = body.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "callme" => CallLegKind.CallMe,
            "addparticipant" => CallLegKind.AddedParticipant,
            _ => null,
        };
        if (kind is null) return ApiErrors.Invalid("Kind must be \"callMe\" (the default) or \"addParticipant\".");
        // A refusal the call would meet is part of the answer (200), so the page can show it before anyone dials.
        var cost = await tenants.Ask(me.TenantId, new PreviewCost(me.UserId, id, body.Number ?? "", kind.Value));
        return cost.IsSuccess ? TypedResults.Ok(cost.Value!.ToView(me.UserId)) : ApiErrors.From(cost);
    }

    private static async Task<Results<Ok<CallLegView>, Accepted<ApprovalView>, JsonHttpResult<ApiError>>> CallMe(string id, PhoneNumberRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return await DialedAsync(tenants, me, id, await tenants.Ask(me.TenantId, new CallMe(me.UserId, id, body.Number ?? "")));
    }

    private static async Task<Results<Ok<CallLegView>, Accepted<ApprovalView>, JsonHttpResult<ApiError>>> AddByPhone(string id, PhoneNumberRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        return await DialedAsync(tenants, me, id, await tenants.Ask(me.TenantId, new AddParticipantByPhone(me.UserId, id, body.Number ?? "")));
    }

    /// <summary>200 with the leg; 202 with the pending approval when the toll-fraud guardrails hold the call for the organizer.</summary>
    private static async Task<Results<Ok<CallLegView>, Accepted<ApprovalView>, JsonHttpResult<ApiError>>> DialedAsync(ITenants tenants, CurrentUser me, string meetingId, EngineResult<CallLegSnapshot> leg)
    {
        if (leg.IsSuccess) return TypedResults.Ok(leg.Value!.ToView());
        if (leg.Error == EngineError.AwaitingOrganizerApproval && await GuardrailEndpoints.HeldAsync(tenants, me, meetingId) is { } held) return held;
        return ApiErrors.From(leg);
    }

    private static async Task<Results<Ok<LeaveMeetingView>, JsonHttpResult<ApiError>>> Leave(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var left = await tenants.Ask(me.TenantId, new LeaveMeeting(me.UserId, id));
        if (!left.IsSuccess) return ApiErrors.From(left);
        var stillUp = left.Value!.Select(l => l.ToView()).ToList();
        return TypedResults.Ok(new LeaveMeetingView(stillUp, stillUp.Count > 0 ? EngineMessages.HangUpBothEnds : null));
    }

    private static async Task<Results<Ok<MeetingView>, JsonHttpResult<ApiError>>> End(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var ended = await tenants.Ask(me.TenantId, new EndMeeting(me.UserId, id));
        return ended.IsSuccess ? await ViewAsync(tenants, me, id) : ApiErrors.From(ended);
    }

    private static async Task<Results<Ok<MeetingView>, JsonHttpResult<ApiError>>> SetLobby(string id, LobbyRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        if (!EnumNames.TryParse<LobbyBypass>(body.Bypass, out var bypass))
            return ApiErrors.Invalid($"Bypass must be one of {EnumNames.List<LobbyBypass>()}.");
        var updated = await tenants.Ask(me.TenantId, new SetLobby(me.UserId, id, new LobbySettings(bypass, body.DialInCallersBypass)));
        return updated.IsSuccess ? await ViewAsync(tenants, me, id) : ApiErrors.From(updated);
    }

    private static async Task<Results<Ok<CallLegView>, JsonHttpResult<ApiError>>> HangUp(string legId, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var leg = await tenants.Ask(me.TenantId, new HangUp(me.UserId, legId));
        return leg.IsSuccess ? TypedResults.Ok(leg.Value!.ToView()) : ApiErrors.From(leg);
    }
}
