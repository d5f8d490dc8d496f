using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>A user of one tenant can never read or act on another tenant's meeting, phone leg, users, credits or reports.</summary>
public sealed class CrossTenantTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _host = new();
    private string _meetingId = "";
    private string _legId = "";
    private string _waitingId = "";
    private string _sessionId = "";

    public async Task InitializeAsync()
    {
        TwoTenants.AddFabrikam(_host);
        using var adele = await _host.ClientForAsync("adele");
        var meeting = await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Contoso budget" })).Content.ReadFromJsonAsync<MeetingView>();
        _meetingId = meeting!.Id;
        var leg = await adele.PostAsJsonAsync($"/api/meetings/{_meetingId}/callme", new { number = "405 555 0100" });
        _legId = (await leg.Content.ReadFromJsonAsync<CallLegView>())!.Id;
        // Someone waiting in the lobby, and a caller on contoso's bridge: both reachable only from contoso.
        (await adele.PutAsJsonAsync($"/api/meetings/{_meetingId}/lobby", new { bypass = "OnlyOrganizer", dialInCallersBypass = false })).EnsureSuccessStatusCode();
        using var alex = await _host.ClientForAsync("alex");
        _waitingId = (await (await alex.PostAsJsonAsync($"/api/meetings/{_meetingId}/join", new { audio = "computer" })).Content.ReadFromJsonAsync<ParticipantView>())!.Id;
        var session = await adele.PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = "+14056660187", callerNumber = "+12125550100" });
        _sessionId = (await session.Content.ReadFromJsonAsync<DialInSessionView>())!.Id;
        _host.Advance(TimeSpan.FromSeconds(90)); // two paid minutes on contoso's pool
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body = null) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };

    [Fact]
    public async Task OtherTenantUser_EveryRouteOnAMeetingOrLeg_Answers404AndNothingChanges()
    {
        var before = await TwoTenants.SnapshotAsync(_host, "contoso");
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/meetings/{_meetingId}", null),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/join", new { audio = "computer" }),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/phone/preview", new { number = "405 555 0111" }),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/callme", new { number = "405 555 0111" }),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/participants/phone", new { number = "405 555 0112" }),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/leave", null),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/end", null),
            (HttpMethod.Put, $"/api/meetings/{_meetingId}/lobby", new { bypass = "Everyone", dialInCallersBypass = true }),
            (HttpMethod.Post, $"/api/calls/{_legId}/hangup", null),
            (HttpMethod.Post, $"/api/sim/calls/{_legId}/phone-hangup", null),
            (HttpMethod.Post, $"/api/sim/calls/{_legId}/answer", null),
            (HttpMethod.Get, $"/api/cards/invite/{_meetingId}", null),
            (HttpMethod.Get, $"/api/meetings/{_meetingId}/options", null),
            (HttpMethod.Get, $"/api/meetings/{_meetingId}/lobby", null),
            (HttpMethod.Post, $"/api/meetings/{_meetingId}/lobby/{_waitingId}/admit", null),
            (HttpMethod.Post, $"/api/sim/dialin/{_sessionId}/digits", new { digits = "1#" }),
        };

        var answers = new List<string>();
        foreach (var user in new[] { "adele", "nestor" })
        {
            using var other = await TwoTenants.ClientForAsync(_host, TwoTenants.Other, user);
            foreach (var (method, path, body) in routes)
            {
                using var response = await other.SendAsync(Request(method, path, body));
                answers.Add($"{user} {method} {path} {(int)response.StatusCode}");
            }
        }

        Assert.All(answers, a => Assert.EndsWith(" 404", a));
        Assert.Equal(2 * routes.Length, answers.Count);
        Assert.Equal(before, await TwoTenants.SnapshotAsync(_host, "contoso"));
        Assert.Empty((await _host.Tenants.Ask(TwoTenants.Other, new ListMeetings("adele"))));
        var meeting = (await _host.Tenants.Ask("contoso", new GetMeetingDetails(_meetingId))).Value!.Meeting;
        Assert.True(meeting.Participants.Single(p => p.Id == _waitingId).InLobby);
    }

    [Fact]
    public async Task OtherTenantAdmin_AdminRoutes_ChangeAndShowOnlyTheirOwnTenant()
    {
        var before = await TwoTenants.SnapshotAsync(_host, "contoso");
        using var admin = await TwoTenants.ClientForAsync(_host, TwoTenants.Other, "nestor");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/users/adele/dialout", new { permission = "DontAllow" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/api/admin/users/lee/licenses/AudioConferencingMonthly")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 50.00m })).StatusCode);
        var usage = await admin.GetFromJsonAsync<UsageReportView>("/api/admin/reports/usage");
        var audit = await admin.GetFromJsonAsync<List<AuditEntryView>>("/api/admin/audit");
        var pools = await admin.GetFromJsonAsync<List<MinutePoolRowView>>("/api/admin/reports/pools");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/cluster")).StatusCode);

        Assert.Equal(before, await TwoTenants.SnapshotAsync(_host, "contoso"));
        Assert.Empty(usage!.Rows);
        Assert.DoesNotContain(audit!, e => e.Action is "dialout.callme" or "dialout.add"); // adele's Call me was contoso's
        Assert.Equal(3, audit!.Count);
        Assert.All(pools!, p => Assert.Equal(0, p.MinutesUsed));
        Assert.Equal(50.00m, (await _host.Tenants.Ask(TwoTenants.Other, new GetCreditBalance())).Value);
        Assert.Equal(0m, (await _host.Tenants.Ask("contoso", new GetCreditBalance())).Value);
    }

    [Fact]
    public async Task OtherTenantUser_HubJoinMeeting_IsRefused()
    {
        var token = await TwoTenants.TokenAsync(_host, TwoTenants.Other, "adele");
        await using var connection = _host.BuildConnection(() => Task.FromResult<string?>(token));
        await connection.StartAsync();

        var ex = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("JoinMeeting", _meetingId));

        Assert.Contains(EngineMessages.For(EngineError.NotMeetingParticipant), ex.Message);
    }
}
