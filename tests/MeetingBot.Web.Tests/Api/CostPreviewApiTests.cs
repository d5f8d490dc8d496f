using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

/// <summary>Beyond Teams over HTTP: the number preview says who would pay, and a leg's view shows the prompts its phone heard.</summary>
public sealed class CostPreviewApiTests : IAsyncLifetime
{
    private const string UsNumber = "(405) 555-0100";
    private const string Cairo = "+20 2 27921234";
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<string> ScheduleAsync(HttpClient organizer)
    {
        var response = await organizer.PostAsJsonAsync("/api/meetings", new { subject = "Sync" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!.Id;
    }

    private static async Task<PhonePreviewView> PreviewAsync(HttpClient client, string meetingId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/meetings/{meetingId}/phone/preview", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PhonePreviewView>())!;
    }

    [Fact]
    public async Task Preview_PoolLeft_SaysPoolWithMinutesLeft_CountryZoneAndPolicy()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var p = await PreviewAsync(adele, id, new { number = UsNumber });

        Assert.Equal(("+14055550100", "United States", true), (p.E164, p.Country, p.IsZoneA));
        Assert.Equal(("Pool", "the tenant's pooled minutes (120 min left this month)", 120), (p.Payer, p.PayerText, p.PoolMinutesLeft));
        Assert.Equal((0.018m, "$0.02", "USD"), (p.RatePerMinute, p.RateText, p.Currency)); // exact, and shown as Teams shows money
        Assert.Equal(("adele", "AnyDestination", true), (p.DialOutPolicy.UserId, p.DialOutPolicy.Permission, p.DialOutPolicy.Allows));
        Assert.True(p.WouldDial);
        Assert.Null(p.Refusal);
    }

    [Fact]
    public async Task Preview_OutsideZoneA_WithCredits_SaysCreditsAtTheRate()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        (await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 5 })).EnsureSuccessStatusCode();
        using var lee = await _app.ClientForAsync("lee");
        var id = await ScheduleAsync(lee);

        var p = await PreviewAsync(lee, id, new { number = Cairo });

        Assert.Equal(("EG", "Egypt", false), (p.RegionCode, p.Country, p.IsZoneA));
        Assert.Equal(("Credits", "Communications Credits at $0.24 a minute"), (p.Payer, p.PayerText));
    }

    [Fact]
    public async Task Preview_Refused_Answers200WithTheExactReason_PolicyVerdictIncluded()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        (await nestor.PutAsJsonAsync("/api/admin/users/adele/dialout", new { permission = "DontAllow" })).EnsureSuccessStatusCode();
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var p = await PreviewAsync(adele, id, new { number = UsNumber });

        Assert.False(p.WouldDial);
        Assert.Equal((nameof(EngineError.CallingFeatureNotSetUp), EngineMessages.NotSetUpForCallingFeature), (p.Refusal, p.Message));
        Assert.False(p.DialOutPolicy.Allows);
        Assert.Equal("Don't allow (yours, as the organizer): does not allow this number", p.DialOutPolicy.Text);
        Assert.Equal("Pool", p.Payer); // the pool would pay: the policy is what refuses
    }

    [Fact]
    public async Task Preview_AddParticipantKind_NotInTheMeeting_SaysSo_UnknownKindIs400()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var add = await PreviewAsync(adele, id, new { number = UsNumber, kind = "addParticipant" });
        var bad = await adele.PostAsJsonAsync($"/api/meetings/{id}/phone/preview", new { number = UsNumber, kind = "fax" });

        Assert.Equal(nameof(EngineError.NotMeetingParticipant), add.Refusal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = await bad.Content.ReadFromJsonAsync<ApiError>();
        Assert.Equal((ApiErrors.InvalidRequest, "Kind must be \"callMe\" (the default) or \"addParticipant\"."), (error!.Error, error.Detail));
    }

    [Fact]
    public async Task LegView_ShowsTheCutOffWarningPromptsThePhoneHeard()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);
        var first = await (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = UsNumber })).Content.ReadFromJsonAsync<CallLegView>();
        _app.Advance(TimeSpan.FromMinutes(113) + TimeSpan.FromSeconds(30)); // 114 of the 120 pooled minutes
        (await adele.PostAsync($"/api/calls/{first!.Id}/hangup", null)).EnsureSuccessStatusCode();

        var leg = await (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = UsNumber })).Content.ReadFromJsonAsync<CallLegView>();
        Assert.Empty(leg!.Prompts!);
        _app.Advance(TimeSpan.FromSeconds(61));

        var meeting = await adele.GetFromJsonAsync<MeetingView>($"/api/meetings/{id}");
        var prompts = meeting!.Legs!.Single(l => l.Id == leg.Id).Prompts!;
        Assert.Equal([EngineMessages.CutOffWarning(5)], prompts.Select(p => p.Text));
    }
}
