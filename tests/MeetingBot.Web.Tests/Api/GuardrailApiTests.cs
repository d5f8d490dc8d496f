using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Hubs;

namespace MeetingBot.Web.Tests.Api;

/// <summary>Beyond Teams over HTTP: toll-fraud guardrails (admins), users' budgets, and dial-outs held for the organizer's approval.</summary>
public sealed class GuardrailApiTests : IAsyncLifetime
{
    private const string Egypt = "+20 2 2792 1234";
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, EngineError error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        Assert.Equal((error.ToString(), EngineMessages.For(error)), (problem.Error, problem.Detail));
    }

    /// <summary>The admin, the organizer (Lee) and the requester (Adele), signed in.</summary>
    private sealed record People(HttpClient Nestor, HttpClient Lee, HttpClient Adele, string MeetingId) : IDisposable
    {
        public void Dispose()
        {
            Nestor.Dispose();
            Lee.Dispose();
            Adele.Dispose();
        }
    }

    /// <summary>Credits bought, the Zone A rule on, and Lee's meeting: Adele's call abroad in it will be held.</summary>
    private async Task<People> LeesMeetingUnderTheZoneARuleAsync()
    {
        var nestor = await _app.ClientForAsync("nestor");
        var lee = await _app.ClientForAsync("lee");
        Assert.Equal(HttpStatusCode.OK, (await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 20 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nestor.PutAsJsonAsync("/api/admin/guardrails", new { approvalOutsideZoneA = true })).StatusCode);
        var meetingId = (await (await lee.PostAsJsonAsync("/api/meetings", new { subject = "Abroad" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        return new People(nestor, lee, await _app.ClientForAsync("adele"), meetingId);
    }

    [Fact]
    public async Task PutGuardrails_Admin_SetsThem_GetReadsThemWithEveryUsersBudget_AndTheAuditHasIt()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        var before = (await nestor.GetFromJsonAsync<GuardrailsView>("/api/admin/guardrails"))!;
        Assert.Equal((null, null, false, null, 10), (before.DefaultMinutesPerMonth, before.DefaultMoneyPerMonth, before.ApprovalOutsideZoneA, before.ApprovalAboveRatePerMinute, before.ApprovalExpiryMinutes));

        var set = await nestor.PutAsJsonAsync("/api/admin/guardrails",
            new { defaultMinutesPerMonth = 300, defaultMoneyPerMonth = 25.50m, approvalOutsideZoneA = true, approvalAboveRatePerMinute = 0.10m, approvalExpiryMinutes = 15 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = (await nestor.GetFromJsonAsync<GuardrailsView>("/api/admin/guardrails"))!;
        Assert.Equal(((int?)300, (decimal?)25.50m, true, (decimal?)0.10m, 15, "USD", "2025-03"),
            (view.DefaultMinutesPerMonth, view.DefaultMoneyPerMonth, view.ApprovalOutsideZoneA, view.ApprovalAboveRatePerMinute, view.ApprovalExpiryMinutes, view.Currency, view.Month));
        var adele = view.Users.Single(u => u.UserId == "adele");
        Assert.Equal(((int?)300, false, 0, (int?)300), (adele.MinutesPerMonth, adele.IsOverride, adele.MinutesUsed, adele.MinutesLeft));
        var audit = await nestor.GetFromJsonAsync<List<AuditEntryView>>("/api/admin/audit");
        Assert.Contains(audit!, a => a is { Action: "guardrails.set", Outcome: "ok" });
    }

    [Fact]
    public async Task PutGuardrails_BadInputOrNotAnAdmin_IsRefusedWithTheReason()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        using var adele = await _app.ClientForAsync("adele");

        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/guardrails", new { defaultMinutesPerMonth = -1 }), HttpStatusCode.BadRequest, EngineError.InvalidBudget);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/guardrails", new { defaultMoneyPerMonth = 100_000_000m }), HttpStatusCode.BadRequest, EngineError.InvalidBudget);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/guardrails", new { approvalAboveRatePerMinute = 500m }), HttpStatusCode.BadRequest, EngineError.InvalidGuardrails);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/guardrails", new { approvalExpiryMinutes = 0 }), HttpStatusCode.BadRequest, EngineError.InvalidGuardrails);
        var unreadable = await nestor.PutAsync("/api/admin/guardrails", new StringContent("{\"defaultMinutesPerMonth\": 1e40}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adele.PutAsJsonAsync("/api/admin/guardrails", new { approvalOutsideZoneA = true })).StatusCode);
        Assert.False((await nestor.GetFromJsonAsync<GuardrailsView>("/api/admin/guardrails"))!.ApprovalOutsideZoneA);
    }

    [Fact]
    public async Task PutUserBudget_SetsIt_SpendingItRefusesTheNextCall_DeleteGoesBackToTheDefault()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        using var adele = await _app.ClientForAsync("adele");

        var set = (await (await nestor.PutAsJsonAsync("/api/admin/users/adele/budget", new { minutesPerMonth = 0 })).Content.ReadFromJsonAsync<UserBudgetView>())!;
        Assert.Equal(("adele", (int?)0, true, true), (set.UserId, set.MinutesPerMonth, set.IsOverride, set.IsSpent));
        var meeting = (await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Budget" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/meetings/{meeting}/callme", new { number = "4055550100" }), HttpStatusCode.Forbidden, EngineError.DialOutBudgetSpent);

        var reset = (await (await nestor.DeleteAsync("/api/admin/users/adele/budget")).Content.ReadFromJsonAsync<UserBudgetView>())!;
        Assert.Equal(((int?)null, false), (reset.MinutesPerMonth, reset.IsOverride));
        Assert.Equal(HttpStatusCode.OK, (await adele.PostAsJsonAsync($"/api/meetings/{meeting}/callme", new { number = "4055550100" })).StatusCode);
    }

    [Fact]
    public async Task PutUserBudget_UnknownUserOrBadAmount_IsRefused()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/users/nobody/budget", new { minutesPerMonth = 5 }), HttpStatusCode.NotFound, EngineError.UnknownUser);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/users/adele/budget", new { moneyPerMonth = -1m }), HttpStatusCode.BadRequest, EngineError.InvalidBudget);
        await AssertProblemAsync(await nestor.PutAsJsonAsync("/api/admin/users/adele/budget", new { moneyPerMonth = 1.005m }), HttpStatusCode.BadRequest, EngineError.InvalidBudget);
    }

    [Fact]
    public async Task CallMeAbroad_IsHeld_202WithTheApproval_TheOrganizerApproves_AndTheCallIsPlaced()
    {
        using var people = await LeesMeetingUnderTheZoneARuleAsync();
        var (lee, adele, meeting) = (people.Lee, people.Adele, people.MeetingId);
        await using var leeHub = await _app.ConnectAsync("lee");
        var leePushes = new PushRecorder(leeHub);

        var preview = (await (await adele.PostAsJsonAsync($"/api/meetings/{meeting}/phone/preview", new { number = Egypt })).Content.ReadFromJsonAsync<PhonePreviewView>())!;
        Assert.Equal(("OutsideZoneA", "needs Lee Gu's approval first (outside Zone A): nothing is dialed until the organizer approves"), (preview.NeedsApproval, preview.ApprovalText));
        var held = await adele.PostAsJsonAsync($"/api/meetings/{meeting}/callme", new { number = Egypt });

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var approval = (await held.Content.ReadFromJsonAsync<ApprovalView>())!;
        Assert.Equal(($"/api/approvals/{approval.Id}", "Pending", "OutsideZoneA", "adele", "Adele Vance", "lee", "+20227921234", "EG", 0.24m),
            (held.Headers.Location?.OriginalString, approval.Status, approval.Reason, approval.RequesterId, approval.RequesterName, approval.OrganizerId, approval.Number, approval.RegionCode, approval.RatePerMinute));
        Assert.Equal(MeetingBotAppFactory.Start.AddMinutes(10), approval.ExpiresAt);
        var pushed = await leePushes.WaitForAsync<DialOutApprovalRequestedMessage>();
        Assert.Equal(approval.Id, pushed.Approval.Id);
        Assert.Equal(approval.Id, Assert.Single((await lee.GetFromJsonAsync<List<ApprovalView>>("/api/approvals"))!).Id);

        await AssertProblemAsync(await adele.PostAsync($"/api/approvals/{approval.Id}/approve", null), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
        var approved = (await (await lee.PostAsync($"/api/approvals/{approval.Id}/approve", null)).Content.ReadFromJsonAsync<ApprovalView>())!;

        Assert.Equal("Approved", approved.Status);
        var legs = (await lee.GetFromJsonAsync<MeetingView>($"/api/meetings/{meeting}"))!.Legs;
        Assert.Equal(approved.LegId, Assert.Single(legs).Id);
        await AssertProblemAsync(await lee.PostAsync($"/api/approvals/{approval.Id}/deny", null), HttpStatusCode.Conflict, EngineError.ApprovalNotPending);
        await AssertProblemAsync(await lee.PostAsync("/api/approvals/apr-0000000000/approve", null), HttpStatusCode.NotFound, EngineError.UnknownApproval);
    }

    [Fact]
    public async Task Deny_DialsNothing_AndTheRequesterSeesItDenied()
    {
        using var people = await LeesMeetingUnderTheZoneARuleAsync();
        var (lee, adele, meeting) = (people.Lee, people.Adele, people.MeetingId);
        await using var adeleHub = await _app.ConnectAsync("adele");
        var adelePushes = new PushRecorder(adeleHub);
        // Adele is not in Lee's meeting in the client: adding someone is refused before any approval is asked.
        await AssertProblemAsync(await adele.PostAsJsonAsync($"/api/meetings/{meeting}/participants/phone", new { number = Egypt }), HttpStatusCode.Forbidden, EngineError.NotMeetingParticipant);
        var id = (await (await adele.PostAsJsonAsync($"/api/meetings/{meeting}/callme", new { number = Egypt })).Content.ReadFromJsonAsync<ApprovalView>())!.Id;
        var denied = (await (await lee.PostAsync($"/api/approvals/{id}/deny", null)).Content.ReadFromJsonAsync<ApprovalView>())!;

        Assert.Equal(("Denied", (string?)null), (denied.Status, denied.LegId));
        Assert.EndsWith("nothing was dialed.", (await adelePushes.WaitForAsync<DialOutApprovalDecidedMessage>()).Message);
        Assert.Equal("Denied", Assert.Single((await adele.GetFromJsonAsync<List<ApprovalView>>("/api/approvals"))!).Status);
        Assert.Empty((await lee.GetFromJsonAsync<MeetingView>($"/api/meetings/{meeting}"))!.Legs);
    }
}
