using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>GET /api/admin/audit: admin actions and every dial-out attempt, refusals included, for tenant admins only.</summary>
public sealed class AuditApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetAudit_AfterAdminChangeAndDialOuts_ListsThemNewestFirstWithOutcomes()
    {
        using var nestor = await _host.ClientForAsync("nestor");
        using var adele = await _host.ClientForAsync("adele");
        using var alex = await _host.ClientForAsync("alex");
        await nestor.PutAsJsonAsync("/api/admin/users/megan/dialout", new { permission = "InSameCountryOrRegion" });
        var meeting = await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Audit" })).Content.ReadFromJsonAsync<MeetingView>();
        var alexs = await (await alex.PostAsJsonAsync("/api/meetings", new { subject = "Refused" })).Content.ReadFromJsonAsync<MeetingView>();
        Assert.Equal(HttpStatusCode.OK, (await adele.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/callme", new { number = "405 555 0100" })).StatusCode);
        // Alex organizes with dial-out "Don't allow": his own Call me in his meeting is refused and audited.
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.PostAsJsonAsync($"/api/meetings/{alexs!.Id}/callme", new { number = "405 555 0101" })).StatusCode);

        var audit = await nestor.GetFromJsonAsync<List<AuditEntryView>>("/api/admin/audit");

        Assert.Equal(["alex dialout.callme " + nameof(EngineError.CallingFeatureNotSetUp), "adele dialout.callme ok", "nestor dialout.permission ok"],
            audit!.Select(e => $"{e.ActorId} {e.Action} {e.Outcome}"));
        Assert.Contains("+14055550100", audit![1].Target);
    }

    [Fact]
    public async Task GetAudit_NotAnAdmin_Answers403()
    {
        using var adele = await _host.ClientForAsync("adele");

        var response = await adele.GetAsync("/api/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5001")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task GetAudit_MaxOutOfRange_Answers400WithMessage(string max)
    {
        using var nestor = await _host.ClientForAsync("nestor");

        var response = await nestor.GetAsync($"/api/admin/audit?max={max}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("max must be a whole number from 1 to 5000.", (await response.Content.ReadFromJsonAsync<Web.Api.ApiError>())!.Detail);
    }

    [Fact]
    public async Task GetAudit_Max_LimitsToNewest()
    {
        using var nestor = await _host.ClientForAsync("nestor");
        foreach (var p in new[] { "DontAllow", "AnyDestination", "InSameCountryOrRegion" })
            await nestor.PutAsJsonAsync("/api/admin/users/megan/dialout", new { permission = p });

        var audit = await nestor.GetFromJsonAsync<List<AuditEntryView>>("/api/admin/audit?max=2");

        Assert.Equal(2, audit!.Count);
        Assert.EndsWith("InSameCountryOrRegion", audit[0].Target);
    }
}
