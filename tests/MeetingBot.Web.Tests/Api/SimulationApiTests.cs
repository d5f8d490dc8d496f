using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using System.Net.Http.Headers;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Api;

/// <summary>The simulated phone network and the dev clock, driven over HTTP as the web client's dev panel does.</summary>
public sealed class SimulationApiTests : IAsyncLifetime
{
    // Phones ring until answered here, so the answer endpoint has something to do.
    private readonly MeetingBotAppFactory _app = new(new Dictionary<string, string?> { ["MeetingBot:Engine:AutoAnswerAfter"] = "00:10:00" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnswerThenPhoneHangUp_RingingLeg_ConnectsThenEnds()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = (await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Sim" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        var leg = await (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();

        var answered = await (await adele.PostAsync($"/api/sim/calls/{leg!.Id}/answer", null)).Content.ReadFromJsonAsync<CallLegView>();
        var hungUp = await (await adele.PostAsync($"/api/sim/calls/{leg.Id}/phone-hangup", null)).Content.ReadFromJsonAsync<CallLegView>();

        Assert.Equal("Ringing", leg.State);
        Assert.Equal("Connected", answered!.State);
        Assert.Equal("Ended", hungUp!.State);
    }

    [Fact]
    public async Task AnswerOrPhoneHangUp_SomeoneElsesLeg_Refused403_LegUntouched_TheOrganizerMay()
    {
        using var lee = await _app.ClientForAsync("lee");
        using var adele = await _app.ClientForAsync("adele");
        using var megan = await _app.ClientForAsync("megan");
        var id = (await (await lee.PostAsJsonAsync("/api/meetings", new { subject = "Whose phone" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
        var leg = (await (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>())!;

        foreach (var action in new[] { "answer", "phone-hangup" })
        {
            var refused = await megan.PostAsync($"/api/sim/calls/{leg.Id}/{action}", null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(EngineMessages.For(EngineError.NotMeetingParticipant), (await refused.Content.ReadFromJsonAsync<Web.Api.ApiError>())!.Detail);
        }
        var meeting = await (await adele.GetAsync($"/api/meetings/{id}")).Content.ReadFromJsonAsync<MeetingView>();
        Assert.Equal("Ringing", meeting!.Legs.Single(l => l.Id == leg.Id).State);

        var answeredByOrganizer = await (await lee.PostAsync($"/api/sim/calls/{leg.Id}/answer", null)).Content.ReadFromJsonAsync<CallLegView>();
        Assert.Equal("Connected", answeredByOrganizer!.State);
    }

    [Fact]
    public async Task DialIn_ConferenceIdThenPound_JoinsMeetingAsGuestInLobby()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Dial-in" })).Content.ReadFromJsonAsync<MeetingView>();

        var session = await (await adele.PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = "+1 405 666 0187", callerNumber = "2065550199" })).Content.ReadFromJsonAsync<DialInSessionView>();
        var wrong = await (await adele.PostAsJsonAsync($"/api/sim/dialin/{session!.Id}/digits", new { digits = "12#" })).Content.ReadFromJsonAsync<DialInSessionView>();
        var id = await (await adele.PostAsJsonAsync($"/api/sim/dialin/{session.Id}/digits", new { digits = meeting!.Invite.DialIn!.ConferenceId + "#" })).Content.ReadFromJsonAsync<DialInSessionView>();
        var joined = await (await adele.PostAsJsonAsync($"/api/sim/dialin/{session.Id}/digits", new { digits = "#" })).Content.ReadFromJsonAsync<DialInSessionView>();

        Assert.Equal("AwaitingConferenceId", session.Stage);
        Assert.Equal(nameof(EngineError.InvalidConferenceIdFormat), wrong!.Error);
        Assert.Equal("AwaitingPin", id!.Stage);
        Assert.Equal(("InLobby", meeting.Id), (joined!.Stage, joined.MeetingId));
        Assert.NotNull(joined.LegId);
    }

    [Fact]
    public async Task ClockAdvance_HostOnFakeClock_Returns409()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 30 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(MeetingBotAppFactory.Start, _app.Time.GetUtcNow());
    }

    [Fact]
    public async Task SimAndClockRoutes_LocalDevModeOff_Return404EvenWhenSignedIn()
    {
        await using var production = new MeetingBotAppFactory(MeetingBotAppFactory.ProductionLike);
        // No dev sign-in in production: mint the token the way a real sign-in would.
        var token = production.Services.GetRequiredService<AccessTokenIssuer>()
            .Issue(new CurrentUser("contoso", "adele", IsTenantAdmin: false).ToPrincipal("Adele Vance", AuthSchemes.Bearer, SessionRevocations.NewSessionId()));
        using var http = production.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await http.GetAsync("/api/me");
        var answer = await http.PostAsync("/api/sim/calls/leg-1/answer", null);
        var clock = await http.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 30 });

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clock.StatusCode);
    }
}
