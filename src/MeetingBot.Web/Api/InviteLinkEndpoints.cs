using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>
/// Where every link of the invite leads. The engine writes the invite with host URLs (/meet/{id}, /dialin/{tenant},
/// /pin/{user}, /meetings/{id}/options) so they work from a Teams chat or the Emulator; the host answers them with a
/// redirect to the web client's page, and the page calls the API routes below. Unknown ids are the page's 404, so the
/// redirect never needs to look anything up (and never tells an anonymous visitor which meetings exist).
/// </summary>
public static class InviteLinkEndpoints
{
    private const int MaxIdLength = 100;

    public static IEndpointRouteBuilder MapInviteLinkEndpoints(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        endpoints.MapGet("/meet/{id}", (string id) => ToClient(id, i => $"#/meetings/{i}")).AllowAnonymous();
        endpoints.MapGet("/dialin/{tenantId}", (string tenantId) => ToClient(tenantId, i => $"#/dialin/{i}")).AllowAnonymous();
        // The link names the organizer it was sent for; the page always acts on the signed-in user's own PIN.
        endpoints.MapGet("/pin/{userId}", (string userId) => ToClient(userId, i => $"#/pin?for={i}")).AllowAnonymous();
        endpoints.MapGet("/meetings/{id}/options", (string id) => ToClient(id, i => $"#/meetings/{i}/options")).AllowAnonymous();

        // Anyone who got the invite may look up a local number, signed in or not (as in Teams).
        api.MapGet("/dialin/{tenantId}", DialInNumbers).AllowAnonymous();

        var secured = api.MapGroup("").RequireAuthorization();
        secured.MapPost("/me/pin/reset", ResetPin);
        secured.MapPut("/me/pin", SetPin);
        // Saving options reuses PUT /api/meetings/{id}/lobby (MeetingEndpoints); this read is organizer-only.
        secured.MapGet("/meetings/{id}/options", Options);
        secured.MapGet("/meetings/{id}/lobby", Lobby);
        secured.MapPost("/meetings/{id}/lobby/{participantId}/admit", Admit);
        return endpoints;
    }

    /// <summary>Ids are echoed into the Location header: only plain ones are accepted, and they are escaped anyway.</summary>
    public static bool IsPlainId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static Results<RedirectHttpResult, NotFound> ToClient(string id, Func<string, string> hash) =>
        IsPlainId(id) ? TypedResults.Redirect("/" + hash(Uri.EscapeDataString(id))) : TypedResults.NotFound();

    /// <summary>Bridge numbers are configuration, the same on every host: no tenant needs to be woken for them.</summary>
    private static Results<Ok<DialInNumbersView>, JsonHttpResult<ApiError>> DialInNumbers(string tenantId, ITenants tenants)
    {
        if (tenants.Catalog.Find(tenantId) is not { } seed) return ApiErrors.From(EngineError.UnknownTenant);
        var bridge = ConferenceEngine.BridgeOf(seed);
        var local = bridge.LocalNumbers
            .OrderBy(n => n.Country, StringComparer.Ordinal).ThenBy(n => n.City, StringComparer.Ordinal)
            .Select(n => new LocalNumberView(n.Country, n.City, n.Number, PhoneNumberNormalizer.Display(n.Number)))
            .ToList();
        return TypedResults.Ok(new DialInNumbersView(seed.Id, seed.Name, bridge.TollNumber, PhoneNumberNormalizer.Display(bridge.TollNumber),
            bridge.TollFreeNumber, bridge.TollFreeNumber is { } free ? PhoneNumberNormalizer.Display(free) : null, local));
    }

    private static async Task<Results<Ok<OrganizerPinView>, JsonHttpResult<ApiError>>> ResetPin(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var pin = await tenants.Ask(me.TenantId, new ResetOrganizerPin(me.UserId));
        if (!pin.IsSuccess) return ApiErrors.From(pin);
        // The PIN is shown once: no cache or proxy may keep the answer.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new OrganizerPinView(pin.Value!));
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> SetPin(SetPinRequest body, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var pin = await tenants.Ask(me.TenantId, new SetOrganizerPin(me.UserId, body.Pin?.Trim() ?? ""));
        return pin.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(pin);
    }

    private static async Task<Results<Ok<MeetingOptionsView>, JsonHttpResult<ApiError>>> Options(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var meeting = await OrganizersMeetingAsync(tenants, me, id);
        if (!meeting.IsSuccess) return ApiErrors.From(meeting);
        var m = meeting.Value!.Meeting;
        return TypedResults.Ok(new MeetingOptionsView(m.Id, m.Subject, meeting.Value.OrganizerName, m.IsEnded, m.Lobby.Bypass.ToString(),
            m.Lobby.DialInCallersBypass, Enum.GetNames<LobbyBypass>()));
    }

    private static async Task<Results<Ok<List<ParticipantView>>, JsonHttpResult<ApiError>>> Lobby(string id, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var meeting = await OrganizersMeetingAsync(tenants, me, id);
        if (!meeting.IsSuccess) return ApiErrors.From(meeting);
        return TypedResults.Ok(meeting.Value!.Meeting.Participants.Where(p => p.InLobby && p.LeftAt is null).Select(p => p.ToView()).ToList());
    }

    private static async Task<Results<Ok<ParticipantView>, JsonHttpResult<ApiError>>> Admit(string id, string participantId, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var meeting = await OrganizersMeetingAsync(tenants, me, id);
        if (!meeting.IsSuccess) return ApiErrors.From(meeting);
        // The engine answers "not in the meeting" for both cases below; the organizer deserves to know which.
        var waiting = meeting.Value!.Meeting.Participants.FirstOrDefault(p => p.Id == participantId && p.LeftAt is null);
        if (waiting is null)
            return ApiErrors.Problem(StatusCodes.Status404NotFound, "UnknownParticipant", "That person is not in this meeting any more.");
        if (!waiting.InLobby)
            return ApiErrors.Problem(StatusCodes.Status409Conflict, "NotInLobby", $"{waiting.DisplayName} is not waiting in the lobby.");
        var admitted = await tenants.Ask(me.TenantId, new Admit(me.UserId, id, participantId));
        return admitted.IsSuccess ? TypedResults.Ok(admitted.Value!.ToView()) : ApiErrors.From(admitted);
    }

    /// <summary>The meeting in the caller's tenant (404 otherwise), if the caller organizes it (403 otherwise).</summary>
    private static async Task<EngineResult<MeetingDetails>> OrganizersMeetingAsync(ITenants tenants, CurrentUser me, string id)
    {
        var meeting = await tenants.Ask(me.TenantId, new GetMeetingDetails(id));
        if (!meeting.IsSuccess) return meeting;
        return ViewMapper.IsOrganizer(meeting.Value!.Meeting, me.UserId) ? meeting : EngineError.NotMeetingOrganizer;
    }
}
