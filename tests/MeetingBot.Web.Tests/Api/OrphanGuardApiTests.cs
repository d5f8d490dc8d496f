using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

/// <summary>Beyond Teams over HTTP: the tenant's orphaned-phone policy (admins) and keys pressed on a phone leg (simulation).</summary>
public sealed class OrphanGuardApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<(string MeetingId, CallLegView Leg)> CallMeAsync(HttpClient client)
    {
        var id = (await (await client.PostAsJsonAsync("/api/meetings", new { subject = "Keys" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        var leg = (await (await client.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>())!;
        return (id, leg);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, EngineError error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        Assert.Equal((error.ToString(), EngineMessages.For(error)), (problem.Error, problem.Detail));
    }

    [Fact]
    public async Task PutOrphanPolicy_Admin_SetsIt_GetReadsIt_AndTheAuditHasIt()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        Assert.Equal("Off", (await nestor.GetFromJsonAsync<OrphanedLegPolicyView>("/api/admin/orphan-policy"))!.Policy);

        var set = await nestor.PutAsJsonAsync("/api/admin/orphan-policy", new { policy = "end", endAfterMinutes = 5 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = await nestor.GetFromJsonAsync<OrphanedLegPolicyView>("/api/admin/orphan-policy");
        Assert.Equal(("End", (int?)5, 60), (view!.Policy, view.EndAfterMinutes, view.AnswerTimeoutSeconds));
        var audit = await nestor.GetFromJsonAsync<List<AuditEntryView>>("/api/admin/audit");
        Assert.Contains(audit!, a => a.Action == "orphan.policy" && a.Target == "End 5" && a.Outcome == "ok");
    }

    [Fact]
    public async Task PutOrphanPolicy_BadInputOrNotAnAdmin_IsRefused()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        using var adele = await _app.ClientForAsync("adele");

        var unknown = await nestor.PutAsJsonAsync("/api/admin/orphan-policy", new { policy = "sometimes" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(ApiErrors.InvalidRequest, (await unknown.Content.ReadFromJsonAsync<ApiError>())!.Error);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/orphan-policy", new { policy = "End" }), HttpStatusCode.BadRequest, EngineError.InvalidOrphanedLegPolicy);
        Assert.Equal(HttpStatusCode.Forbidden, (await adele.PutAsJsonAsync("/api/admin/orphan-policy", new { policy = "Ask" })).StatusCode);
        Assert.Equal("Off", (await nestor.GetFromJsonAsync<OrphanedLegPolicyView>("/api/admin/orphan-policy"))!.Policy);
    }

    [Fact]
    public async Task Keys_Star6ThenStar1_MutesAndSaysTheMinutesLeft()
    {
        using var adele = await _app.ClientForAsync("adele");
        var (meetingId, leg) = await CallMeAsync(adele);
        _app.Advance(TimeSpan.FromSeconds(3)); // the phone answers

        var response = await adele.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = "*6*1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await response.Content.ReadFromJsonAsync<CallLegView>())!;
        Assert.True(after.IsMuted);
        Assert.Equal([EngineMessages.PhoneMuted, EngineMessages.MinutesLeftPrompt(120)], after.Prompts!.Select(p => p.Text));
        var meeting = await adele.GetFromJsonAsync<MeetingView>($"/api/meetings/{meetingId}");
        Assert.True(meeting!.Legs.Single().IsMuted);
    }

    [Fact]
    public async Task Keys_UnknownEndedSomeoneElsesLegOrInvalidKeys_AreProblemDetails()
    {
        using var adele = await _app.ClientForAsync("adele");
        using var megan = await _app.ClientForAsync("megan");
        var (_, leg) = await CallMeAsync(adele);
        _app.Advance(TimeSpan.FromSeconds(3));

        await AssertProblemAsync(await adele.PostAsJsonAsync("/api/sim/calls/leg-nope/keys", new { keys = "1" }), HttpStatusCode.NotFound, EngineError.UnknownCallLeg);
        await AssertProblemAsync(await megan.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = "1" }), HttpStatusCode.Forbidden, EngineError.NotYourCallLeg);
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = "1x" }), HttpStatusCode.BadRequest, EngineError.InvalidKeys);
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = new string('1', 33) }), HttpStatusCode.BadRequest, EngineError.InvalidKeys);
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { }), HttpStatusCode.BadRequest, EngineError.InvalidKeys);
        (await adele.PostAsync($"/api/calls/{leg.Id}/hangup", null)).EnsureSuccessStatusCode();
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = "1" }), HttpStatusCode.Conflict, EngineError.CallLegEnded);
    }
}
