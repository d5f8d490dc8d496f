using System.Net.Http.Json;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// Every route of the running host (its endpoint table, not a hand-kept list) called by every role: anonymous, a
/// tenant member not in the meeting, a participant, the organizer, the tenant admin, and a user and the admin of
/// another tenant. Each answer is checked against <see cref="Expectations"/>; a route the table does not list fails
/// the test, so a new route is walked as soon as it is mapped. A refusal (401, 403, 404), and anything the other
/// tenant does, must leave the meeting's tenant as it was.
/// </summary>
public sealed class RouteRoleWalkTests : IAsyncLifetime
{
    private enum Role { Anonymous, OtherTenant, OtherTenantAdmin, Outsider, Participant, Admin, Organizer }

    /// <summary>Ok: the route ran for this role (2xx, 3xx, or a 4xx about the input or state, such as 400 or 409; never 401, 403, 404 or 5xx).</summary>
    private enum Outcome { Ok, Unauthorized, Forbidden, NotFound }

    private const Outcome Ok = Outcome.Ok, No401 = Outcome.Unauthorized, No403 = Outcome.Forbidden, No404 = Outcome.NotFound;

    /// <summary>Outcomes in <see cref="Role"/> order, the JSON body sent (if any).</summary>
    private sealed record Expect(Outcome[] Outcomes, object? Body = null);

    private static Expect E(Outcome anonymous, Outcome otherTenant, Outcome otherTenantAdmin, Outcome outsider, Outcome participant, Outcome admin, Outcome organizer, object? body = null) =>
        new([anonymous, otherTenant, otherTenantAdmin, outsider, participant, admin, organizer], body);

    private static Expect Public(object? body = null) => E(Ok, Ok, Ok, Ok, Ok, Ok, Ok, body);
    private static Expect SignedIn(object? body = null) => E(No401, Ok, Ok, Ok, Ok, Ok, Ok, body);
    private static Expect AnyoneInTheTenant(object? body = null) => E(No401, No404, No404, Ok, Ok, Ok, Ok, body);
    private static Expect OrganizerOnly(object? body = null) => E(No401, No404, No404, No403, No403, No403, Ok, body);
    private static Expect AdminOnly(object? body = null) => E(No401, No403, Ok, No403, No403, Ok, No403, body);

    /// <summary>
    /// What each role gets on each route, keyed "METHOD pattern" as the endpoint table names it. Walked in this order,
    /// refusing roles first on each route, so that what an allowed role changes (ending the meeting) comes last.
    /// </summary>
    private static readonly (string Route, Expect Expect)[] Expectations =
    [
        ("GET /healthz", Public()),
        ("GET /healthz/ready", Public()),
        ("GET /openapi/{documentName}.json", Public()),
        ("GET /meet/{id}", Public()),
        ("GET /dialin/{tenantId}", Public()),
        ("GET /pin/{userId}", Public()),
        ("GET /meetings/{id}/options", Public()),
        ("GET /api/dialin/{tenantId}", Public()),
        ("POST /api/dev/signin", Public(new { userId = "megan" })),
        ("GET /api/dev/users", Public()),
        ("GET /api/me", SignedIn()),
        ("POST /api/me/pin/reset", SignedIn()),
        ("PUT /api/me/pin", SignedIn(new { pin = "24680" })),
        // SignalR maps these for any method; the walk POSTs to negotiate and GETs the connection (400: no connection id).
        ("* /hubs/meeting/negotiate", SignedIn()),
        ("* /hubs/meeting", SignedIn()),
        ("* /hubs/chat/negotiate", SignedIn()),
        ("* /hubs/chat", SignedIn()),
        ("GET /api/chat/conversations", SignedIn()),
        // The meeting's chat: its organizer and participants only; anyone else, the admin too, is told it is not found.
        ("GET /api/chat/{conversationId}/activities", E(No401, No404, No404, No404, Ok, No404, Ok)),
        ("GET /api/meetings/", SignedIn()),
        ("GET /api/meetings/{id}", AnyoneInTheTenant()),
        ("GET /api/cards/invite/{meetingId}", AnyoneInTheTenant()),
        ("POST /api/meetings/{id}/phone/preview", AnyoneInTheTenant(new { number = "405 555 0111" })),
        // Adding by phone is for people in the meeting; the organizer is in it from scheduling.
        ("POST /api/meetings/{id}/participants/phone", E(No401, No404, No404, No403, Ok, No403, Ok, new { number = "405 555 0112" })),
        ("POST /api/meetings/{id}/callme", AnyoneInTheTenant(new { number = "405 555 0113" })),
        ("POST /api/meetings/{id}/join", AnyoneInTheTenant(new { audio = "computer" })),
        ("GET /api/meetings/{id}/options", OrganizerOnly()),
        ("GET /api/meetings/{id}/lobby", OrganizerOnly()),
        ("PUT /api/meetings/{id}/lobby", OrganizerOnly(new { bypass = "OnlyOrganizer", dialInCallersBypass = false })),
        ("POST /api/meetings/{id}/lobby/{participantId}/admit", OrganizerOnly()),
        ("POST /api/sim/dialin", SignedIn(new { dialedNumber = "+14056660187", callerNumber = "+12125550100" })),
        // A dial-in session belongs to the tenant whose bridge was called.
        ("POST /api/sim/dialin/{sessionId}/digits", E(No401, No404, No404, Ok, Ok, Ok, Ok, new { digits = "1#" })),
        ("POST /api/dev/clock/advance", SignedIn(new { minutes = 1 })),
        ("GET /api/admin/users", AdminOnly()),
        ("POST /api/admin/users/{id}/licenses", AdminOnly(new { sku = "AudioConferencingMonthly" })),
        ("DELETE /api/admin/users/{id}/licenses/{sku}", AdminOnly()),
        ("PUT /api/admin/users/{id}/dialout", AdminOnly(new { permission = "AnyDestination" })),
        ("PUT /api/admin/users/{id}/directory", AdminOnly(new { aadObjectId = "6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f" })),
        ("GET /api/admin/subscriptions", AdminOnly()),
        ("GET /api/admin/credits", AdminOnly()),
        ("GET /api/admin/forecast", AdminOnly()),
        ("POST /api/admin/credits/funds", AdminOnly(new { amount = 10.00m })),
        ("PUT /api/admin/credits/autorecharge", AdminOnly(new { enabled = false, threshold = 0m, amount = 0m })),
        ("GET /api/admin/orphan-policy", AdminOnly()),
        ("PUT /api/admin/orphan-policy", AdminOnly(new { policy = "Off" })),
        ("GET /api/admin/guardrails", AdminOnly()),
        ("PUT /api/admin/guardrails", AdminOnly(new { approvalAboveRatePerMinute = 0.01m })),
        ("PUT /api/admin/users/{id}/budget", AdminOnly(new { minutesPerMonth = 600 })),
        ("DELETE /api/admin/users/{id}/budget", AdminOnly()),
        ("GET /api/admin/audit", AdminOnly()),
        ("GET /api/admin/cluster", AdminOnly()),
        ("GET /api/admin/reports/pools", AdminOnly()),
        ("GET /api/admin/reports/usage", AdminOnly()),
        ("GET /api/admin/reports/usage.csv", AdminOnly()),
        // A phone leg: only whoever dialed it (here the organizer) or the meeting's organizer may act on it.
        ("POST /api/sim/calls/{legId}/answer", OrganizerOnly()),
        // Keys need a connected phone: after the answer above.
        ("POST /api/sim/calls/{legId}/keys", OrganizerOnly(new { keys = "*6" })),
        ("POST /api/sim/calls/{legId}/phone-hangup", OrganizerOnly()),
        ("POST /api/calls/{legId}/hangup", OrganizerOnly()),
        // Leaving is for people in the meeting: by now each of them is in it (join or Call me above).
        // A dial-out held for approval (the participant's, in the organizer's meeting): only the organizer decides.
        ("GET /api/approvals/", SignedIn()),
        ("POST /api/approvals/{id}/approve", OrganizerOnly()),
        ("POST /api/approvals/{id}/deny", OrganizerOnly()),
        ("POST /api/meetings/{id}/leave", AnyoneInTheTenant()),
        ("POST /api/meetings/{id}/end", OrganizerOnly()),
        // Last: meeting ids count up per tenant, so once the other tenant has scheduled one, that id is its own.
        ("POST /api/meetings/", SignedIn(new { subject = "Walk" })),
        ("POST /api/messages", Public()),
        // Last: signing out ends each role's session (its token stops working).
        ("POST /api/dev/signout", Public()),
    ];

    private readonly MeetingBotAppFactory _host = new();
    private readonly Dictionary<Role, HttpClient> _clients = [];
    private string _meetingId = "";
    private string _legId = "";
    private string _lobbyParticipantId = "";
    private string _approvalId = "";

    public async Task InitializeAsync()
    {
        TwoTenants.AddFabrikam(_host);
        // No cookie jar: the dev sign-in route is walked too, and its cookie must not make this client someone.
        _clients[Role.Anonymous] = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        _clients[Role.Organizer] = await _host.ClientForAsync("adele");
        _clients[Role.Participant] = await _host.ClientForAsync("lee");
        _clients[Role.Outsider] = await _host.ClientForAsync("megan");
        _clients[Role.Admin] = await _host.ClientForAsync("nestor");
        // The same user ids as the organizer and the admin, in the other tenant: an id alone must never cross over.
        _clients[Role.OtherTenant] = await TwoTenants.ClientForAsync(_host, TwoTenants.Other, "adele");
        _clients[Role.OtherTenantAdmin] = await TwoTenants.ClientForAsync(_host, TwoTenants.Other, "nestor");

        var adele = _clients[Role.Organizer];
        _meetingId = (await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Walked" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        (await _clients[Role.Participant].PostAsJsonAsync($"/api/meetings/{_meetingId}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        _legId = (await (await adele.PostAsJsonAsync($"/api/meetings/{_meetingId}/callme", new { number = "405 555 0100" })).Content.ReadFromJsonAsync<CallLegView>())!.Id;
        (await adele.PutAsJsonAsync($"/api/meetings/{_meetingId}/lobby", new { bypass = "OnlyOrganizer", dialInCallersBypass = false })).EnsureSuccessStatusCode();
        using var alex = await _host.ClientForAsync("alex");
        var waiting = await (await alex.PostAsJsonAsync($"/api/meetings/{_meetingId}/join", new { audio = "computer" })).Content.ReadFromJsonAsync<ParticipantView>();
        Assert.True(waiting!.InLobby);
        _lobbyParticipantId = waiting.Id;
        // The guardrails hold the participant's calls above 0.01 a minute (US: 0.018) for the organizer.
        (await _clients[Role.Admin].PutAsJsonAsync("/api/admin/guardrails", new { approvalAboveRatePerMinute = 0.01m })).EnsureSuccessStatusCode();
        var held = await _clients[Role.Participant].PostAsJsonAsync($"/api/meetings/{_meetingId}/callme", new { number = "405 555 0199" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, held.StatusCode);
        _approvalId = (await held.Content.ReadFromJsonAsync<ApprovalView>())!.Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Every route the host maps, as "METHOD pattern" (one per method; "*" for an endpoint that takes any).</summary>
    private List<string> EndpointTable() =>
        _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

    [Fact]
    public void EndpointTable_EveryRouteHasAnExpectation_AndEveryExpectationARoute()
    {
        var table = EndpointTable();
        var listed = Expectations.Select(e => e.Route).ToList();

        Assert.Empty(table.Except(listed));
        Assert.Empty(listed.Except(table));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task EveryRoute_ByEveryRole_AnswersAsExpected_AndRefusalsChangeNothing()
    {
        var table = EndpointTable();
        var mismatches = new List<string>();
        var requests = 0;
        foreach (var (route, expect) in Expectations.Where(e => table.Contains(e.Route)))
        {
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            if (method == "*") method = pattern.EndsWith("/negotiate", StringComparison.Ordinal) ? "POST" : "GET";
            foreach (var role in Enum.GetValues<Role>())
            {
                var expected = expect.Outcomes[(int)role];
                var path = await FillAsync(pattern);
                var before = await TwoTenants.SnapshotAsync(_host, "contoso");
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = expect.Body is null ? null : JsonContent.Create(expect.Body, expect.Body.GetType()),
                };

                using var response = await _clients[role].SendAsync(request);
                requests++;

                var status = (int)response.StatusCode;
                var actual = status switch { 401 => No401, 403 => No403, 404 => No404, _ => Ok };
                if (status >= 500 || actual != expected)
                    mismatches.Add($"{route} as {role}: expected {expected}, got {status} {Clip(await response.Content.ReadAsStringAsync())}");
                var refused = expected is not Ok || role is Role.OtherTenant or Role.OtherTenantAdmin;
                if (refused && Strip(before) != Strip(await TwoTenants.SnapshotAsync(_host, "contoso")))
                    mismatches.Add($"{route} as {role}: contoso changed");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(Expectations.Length * Enum.GetValues<Role>().Length, requests);
        // The last route signed every role out: their tokens no longer work.
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Anonymous))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _clients[role].GetAsync("/api/me")).StatusCode);
    }

    /// <summary>Route parameters from the setup: the meeting, its organizer's leg, the person in its lobby, a new dial-in session.</summary>
    private async Task<string> FillAsync(string pattern)
    {
        var path = pattern
            .Replace("/api/admin/users/{id}", "/api/admin/users/megan", StringComparison.Ordinal)
            .Replace("/api/approvals/{id}", "/api/approvals/" + _approvalId, StringComparison.Ordinal)
            .Replace("{id}", _meetingId, StringComparison.Ordinal)
            .Replace("{meetingId}", _meetingId, StringComparison.Ordinal)
            .Replace("{legId}", _legId, StringComparison.Ordinal)
            .Replace("{participantId}", _lobbyParticipantId, StringComparison.Ordinal)
            .Replace("{conversationId}", $"meeting:contoso:{_meetingId}", StringComparison.Ordinal)
            .Replace("{tenantId}", "contoso", StringComparison.Ordinal)
            .Replace("{userId}", "adele", StringComparison.Ordinal)
            .Replace("{sku}", "AudioConferencingMonthly", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        if (path.Contains("{sessionId}", StringComparison.Ordinal))
        {
            // Each call gets its own session: wrong digits end a call after three tries.
            var session = await _clients[Role.Organizer].PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = "+14056660187", callerNumber = "+12125550100" });
            path = path.Replace("{sessionId}", (await session.Content.ReadFromJsonAsync<DialInSessionView>())!.Id, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return path;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";

    // Refused dial-outs are audited on purpose; nothing else may change.
    private static string Strip(string snapshot) => string.Join('\n', snapshot.Split('\n').Where(l => !l.StartsWith("audit ", StringComparison.Ordinal)));
}
